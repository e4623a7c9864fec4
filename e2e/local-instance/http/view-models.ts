// What the pages show, read from the instance once per request: pages render these plain values
// and never query tables themselves.
import type { StepHighlight } from '../../../scripts/lib/update-set/index'
import { toSvg } from '../../../scripts/lib/update-set/index'
import type { FlowRun, StepLog } from '../flow/index'
import type { InstanceAccounts, InstanceFlowRuns, InstanceRequests, UiActionButton } from '../instance'
import type { JournalEntry, StoredRecord } from '../tables'
import type { Viewer } from './layout'
import { convertWallClock } from '../time-zones'
import { approvalUrl, requestItemUrl } from './urls'

/** What the pages show: the tables, the catalog and its requests, and the flow runs on an item. */
type ViewedInstance = InstanceAccounts & InstanceRequests & InstanceFlowRuns

export interface VariableView {
    label: string
    /** A select box's value as the platform shows it: the choice's label. */
    display: string
}

export interface ApproverView {
    approver: string
    state: string
    comments: string
    updatedOn: string
}

/** Approvers and the flow log: on the platform only fulfillers and admins see them. */
export interface FulfilmentView {
    approvers: ApproverView[]
    approvalHistory: JournalEntry[]
    runs: FlowRun[]
    /** By run id: the flow's diagram (SVG) with the steps of that run highlighted. */
    runDiagrams: ReadonlyMap<string, string>
}

/** One entry of the form's activity stream: a work note or an additional comment. */
export interface ActivityEntryView {
    kind: 'Work notes' | 'Additional comments'
    /** Who wrote it: the user's name, as the activity stream shows it. */
    author: string
    createdOn: string
    text: string
}

export interface RequestItemView extends ItemRowView {
    request: string
    openedBy: string
    state: string
    active: boolean
    /** When it closed and who closed it (a person's name; "System" when the flow closed it). */
    closed?: { at: string; by: string }
    /** The item's date-time fields that are set (Work start, Due date), shown in the viewer's zone. */
    dates: DateFieldView[]
    variables: VariableView[]
    /** The activity stream, newest first: additional comments, and work notes for fulfillers. */
    activity: ActivityEntryView[]
    mayCancel: boolean
    mayChangeState: boolean
    /** Form buttons (UI actions) whose condition holds for the viewer. */
    uiActions: UiActionButton[]
    fulfilment?: FulfilmentView
}

export interface DateFieldView {
    field: string
    label: string
    /** yyyy-MM-dd HH:mm:ss in `zone`. */
    wallClock: string
    zone: string
}

/** The date-time fields of an item the page shows, by field name, with their labels on the form. */
const ITEM_DATE_FIELDS: ReadonlyArray<readonly [field: string, label: string]> = [
    ['work_start', 'Work start'],
    ['due_date', 'Due date'],
]

/**
 * The zone the platform shows a user's date-times in: their sys_user.time_zone, else the system's
 * (glide.sys.default.tz), else UTC. Stored values are UTC; each viewer reads them in their own zone.
 */
function viewerTimeZone(instance: ViewedInstance, viewer: Viewer): string {
    const { database } = instance
    const [user] = database.query('sys_user', `user_name=${viewer.userName}`)
    const [systemZone] = database.query('sys_properties', 'name=glide.sys.default.tz')
    return user?.time_zone || systemZone?.value || 'UTC'
}

function dateFieldViews(instance: ViewedInstance, viewer: Viewer, item: StoredRecord): DateFieldView[] {
    const zone = viewerTimeZone(instance, viewer)
    return ITEM_DATE_FIELDS.flatMap(([field, label]) => {
        const stored = item[field] ?? ''
        return stored === '' ? [] : [{ field, label, wallClock: convertWallClock(stored, 'UTC', zone), zone }]
    })
}

export function requestItemView(
    instance: ViewedInstance,
    viewer: Viewer,
    item: StoredRecord,
    uiActions: UiActionButton[] = []
): RequestItemView {
    const { database } = instance
    const display = (field: string) => database.displayValue('sc_req_item', item.sys_id, field)
    const active = item.active === 'true'
    const journal = (field: string, kind: ActivityEntryView['kind']) =>
        database.journal('sc_req_item', item.sys_id, field).map((entry, order) => ({
            order,
            entry: { kind, author: personName(instance, entry.author), createdOn: entry.createdOn, text: entry.value },
        }))
    const activity = [
        ...journal('comments', 'Additional comments'),
        ...(viewer.isFulfiller ? journal('work_notes', 'Work notes') : []),
    ]
        // Newest first; within one second, the later of each journal first.
        .sort((left, right) => right.entry.createdOn.localeCompare(left.entry.createdOn) || right.order - left.order)
        .map(({ entry }) => entry)
    return {
        ...itemRowView(instance, item),
        request: display('request'),
        openedBy: display('opened_by'),
        state: item.state ?? '',
        active,
        closed: item.closed_at
            ? { at: item.closed_at, by: display('closed_by') || personName(instance, item.sys_updated_by ?? '') }
            : undefined,
        dates: dateFieldViews(instance, viewer, item),
        variables: variableViews(instance, item),
        activity,
        mayCancel: instance.mayCancel(item, viewer.userName),
        mayChangeState: viewer.isFulfiller && active,
        uiActions,
        fulfilment: viewer.isFulfiller ? fulfilmentView(instance, item) : undefined,
    }
}

/** A user's name by user name, as journals and forms show people; the flow's own writes are "System". */
function personName(instance: ViewedInstance, userName: string): string {
    if (userName === '' || userName === 'system') return 'System'
    return instance.users.users.find((user) => user.user_name === userName)?.name ?? userName
}

/** The item's variables with their questions, in the stored order. */
export function variableViews(instance: ViewedInstance, item: StoredRecord): VariableView[] {
    return Object.entries(instance.requestItemVariables(item.sys_id)).map(([name, value]) => ({
        label: variableLabel(instance, item.cat_item ?? '', name),
        display: variableDisplay(instance, item.cat_item ?? '', name, value),
    }))
}

function fulfilmentView(instance: ViewedInstance, item: StoredRecord): FulfilmentView {
    const { database } = instance
    const runs = instance.flowRuns().filter((run) => run.trigger.sysId === item.sys_id)
    return {
        approvers: database.query('sysapproval_approver', `sysapproval=${item.sys_id}`).map((approval) => ({
            approver: database.displayValue('sysapproval_approver', approval.sys_id, 'approver'),
            state: database.displayValue('sysapproval_approver', approval.sys_id, 'state'),
            comments: database.resolvePath('sysapproval_approver', approval.sys_id, 'comments'),
            updatedOn: approval.sys_updated_on ?? '',
        })),
        approvalHistory: database.journal('sc_req_item', item.sys_id, 'approval_history'),
        runs,
        runDiagrams: new Map(
            runs.flatMap((run) => {
                const graph = instance.catalog.graphs.get(run.flowSysId)
                if (!graph) return []
                return [
                    [run.id, toSvg(graph, { highlights: runHighlights(run), title: `Flow ${run.flowName}: what ran` })],
                ]
            })
        ),
    }
}

/** How long a step took, or since when it is waiting. */
function stepTiming(step: StepLog): string {
    if (!step.endedAt) return `${step.status} since ${step.startedAt.slice(11, 19)}`
    const milliseconds = Date.parse(step.endedAt) - Date.parse(step.startedAt)
    if (Number.isNaN(milliseconds)) return step.status
    return `${step.status}, ${milliseconds < 1000 ? `${String(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`}`
}

/** The flow's own steps of a run (not the script steps inside actions), by ui_id; the last log wins. */
export function runHighlights(run: FlowRun): Map<string, StepHighlight> {
    return new Map(
        run.steps
            .filter((step) => step.kind !== 'script-step')
            .map((step) => [step.uiId, { status: step.status, detail: stepTiming(step) }])
    )
}

function variableOf(instance: ViewedInstance, catItemSysId: string, name: string): StoredRecord | undefined {
    return instance.database.query('item_option_new', `cat_item=${catItemSysId}^name=${name}`)[0]
}

function variableLabel(instance: ViewedInstance, catItemSysId: string, name: string): string {
    return variableOf(instance, catItemSysId, name)?.question_text ?? name
}

function variableDisplay(instance: ViewedInstance, catItemSysId: string, name: string, value: string): string {
    const variable = variableOf(instance, catItemSysId, name)
    if (variable?.type !== '5') return value
    const choice = instance.database.query('question_choice', `question=${variable.sys_id}^value=${value}`)[0]
    // As the platform shows a select box: its choice's label; the stored value only when no choice has it.
    return choice?.text || value
}

/** One requested item in a list (My Requests, Requested Items, Order Status). */
export interface ItemRowView {
    sysId: string
    number: string
    shortDescription: string
    requestedFor: string
    approval: string
    stateLabel: string
    openedOn: string
}

export function itemRowView(instance: ViewedInstance, item: StoredRecord): ItemRowView {
    const display = (field: string) => instance.database.displayValue('sc_req_item', item.sys_id, field)
    return {
        sysId: item.sys_id,
        number: item.number ?? '',
        shortDescription: item.short_description ?? '',
        requestedFor: display('requested_for'),
        approval: display('approval'),
        stateLabel: display('state'),
        openedOn: item.sys_created_on ?? '',
    }
}

export interface OrderStatusView {
    sysId: string
    number: string
    items: ItemRowView[]
}

export function orderStatusView(instance: ViewedInstance, request: StoredRecord): OrderStatusView {
    return {
        sysId: request.sys_id,
        number: request.number ?? '',
        items: instance.database
            .query('sc_req_item', `request=${request.sys_id}`)
            .map((item) => itemRowView(instance, item)),
    }
}

/** One variable of a catalog item's form: a select box with its choices, or a text field. */
export interface CatalogFieldView {
    /** The variable's sys_id: its control's id is `IO:<sys_id>`. */
    sysId: string
    name: string
    question: string
    help: string
    mandatory: boolean
    defaultValue: string
    /** Active choices in order, for a select box; undefined for a text field. */
    choices?: { value: string; label: string }[]
    /** The validation regex and its message, for a text field that has one. */
    regex?: { pattern: string; message: string }
    /** A Multi Line Text variable (type 2): a text area. */
    multiline: boolean
    example: string
    tooltip: string
}

export interface CatalogItemView {
    sysId: string
    name: string
    shortDescription: string
    description: string
    fields: CatalogFieldView[]
}

export function catalogItemView(instance: ViewedInstance, itemSysId: string): CatalogItemView | undefined {
    const entry = instance.catalogItems().find(({ item }) => item.sys_id === itemSysId)
    if (!entry) return undefined
    const { item, variables } = entry
    return {
        sysId: item.sys_id,
        name: item.name ?? '',
        shortDescription: item.short_description ?? '',
        description: item.description ?? '',
        fields: variables.map((variable) => catalogFieldView(instance, variable)),
    }
}

function catalogFieldView(instance: ViewedInstance, variable: StoredRecord): CatalogFieldView {
    const { database } = instance
    const regex = variable.validate_regex ? database.get('question_regex', variable.validate_regex) : undefined
    return {
        sysId: variable.sys_id,
        name: variable.name ?? '',
        question: variable.question_text ?? '',
        help: variable.help_text ?? '',
        mandatory: variable.mandatory === 'true',
        defaultValue: variable.default_value ?? '',
        choices:
            variable.type === '5'
                ? database
                      .query('question_choice', `question=${variable.sys_id}^inactive!=true`)
                      .sort((left, right) => Number(left.order ?? 0) - Number(right.order ?? 0))
                      .map((choice) => ({ value: choice.value ?? '', label: choice.text ?? '' }))
                : undefined,
        regex: regex?.regex
            ? { pattern: regex.regex, message: regex.validation_message || `Must match ${regex.regex}` }
            : undefined,
        multiline: variable.type === MULTI_LINE_TEXT,
        example: variable.example_text ?? '',
        tooltip: variable.tooltip ?? '',
    }
}

/** item_option_new.type of a Multi Line Text variable. */
const MULTI_LINE_TEXT = '2'

export interface CatalogEntryView {
    sysId: string
    name: string
    shortDescription: string
}

export function catalogView(instance: ViewedInstance): CatalogEntryView[] {
    return instance.catalogItems().map(({ item }) => ({
        sysId: item.sys_id,
        name: item.name ?? '',
        shortDescription: item.short_description ?? '',
    }))
}

/** The classic approval form of one approval the viewer holds. */
export interface ApprovalFormView {
    sysId: string
    item?: { sysId: string; number: string }
    number: string
    shortDescription: string
    requestedFor: string
    approver: string
    state: string
    stateLabel: string
    comments: string
    variables: VariableView[]
    mayDecide: boolean
    /** What the approver typed, shown again when the form is refused. */
    draftComment: string
}

/** The approval `approvalSysId` when the viewer is its approver (admins: any); otherwise undefined. */
export function approvalFormView(
    instance: ViewedInstance,
    viewer: Viewer,
    approvalSysId: string,
    draftComment = ''
): ApprovalFormView | undefined {
    const { database } = instance
    const approval = viewer.isAdmin
        ? database.get('sysapproval_approver', approvalSysId)
        : instance.approvalsFor(viewer.userName).find((candidate) => candidate.sys_id === approvalSysId)
    if (!approval) return undefined
    const item = database.get('sc_req_item', approval.sysapproval ?? '')
    return {
        sysId: approval.sys_id,
        item: item ? { sysId: item.sys_id, number: item.number ?? '' } : undefined,
        number: item?.number ?? approval.sysapproval ?? '',
        shortDescription: item?.short_description ?? '',
        requestedFor: item ? database.displayValue('sc_req_item', item.sys_id, 'requested_for') : '',
        approver: database.displayValue('sysapproval_approver', approval.sys_id, 'approver'),
        state: approval.state ?? '',
        stateLabel: database.displayValue('sysapproval_approver', approval.sys_id, 'state'),
        comments: database.resolvePath('sysapproval_approver', approval.sys_id, 'comments'),
        variables: item ? variableViews(instance, item) : [],
        mayDecide: approval.state === 'requested',
        draftComment,
    }
}

/** A list view's rows: the record's number opens it, then the columns' display values. */
export interface ListView {
    table: string
    title: string
    columns: string[]
    rows: { sysId: string; href: string; display: string; cells: string[] }[]
}

/** The encoded query with `javascript:gs.getUserID()` read as the viewer, as the platform evaluates it. */
function viewerQuery(instance: ViewedInstance, viewer: Viewer, query: string): string {
    return query.replaceAll('javascript:gs.getUserID()', instance.userSysId(viewer.userName))
}

/** The approvals the query selects among the viewer's own (admins: all). */
export function approvalListView(instance: ViewedInstance, viewer: Viewer, query: string): ListView {
    const { database } = instance
    const mine = new Set(instance.approvalsFor(viewer.userName).map((approval) => approval.sys_id))
    const rows = database
        .query('sysapproval_approver', viewerQuery(instance, viewer, query))
        .filter((approval) => viewer.isAdmin || mine.has(approval.sys_id))
        .map((approval) => {
            const item = database.get('sc_req_item', approval.sysapproval ?? '')
            const display = (field: string) => database.displayValue('sysapproval_approver', approval.sys_id, field)
            return {
                sysId: approval.sys_id,
                href: approvalUrl(approval.sys_id),
                display: item?.number ?? approval.sysapproval ?? '',
                cells: [
                    display('state'),
                    item?.short_description ?? '',
                    display('approver'),
                    approval.sys_updated_on ?? '',
                ],
            }
        })
    return {
        table: 'sysapproval_approver',
        title: 'Approvals',
        columns: ['Approval for', 'State', 'Short description', 'Approver', 'Updated'],
        rows,
    }
}

/** The requested items the query selects among those the viewer may see. */
export function requestItemListView(instance: ViewedInstance, viewer: Viewer, query: string): ListView {
    const rows = instance.database
        .query('sc_req_item', viewerQuery(instance, viewer, query))
        .filter((item) => instance.requestItemVisibleTo(item.sys_id, viewer.userName, viewer.isFulfiller))
        .map((item) => {
            const row = itemRowView(instance, item)
            return {
                sysId: row.sysId,
                href: requestItemUrl(row.sysId),
                display: row.number,
                cells: [row.shortDescription, row.requestedFor, row.approval, row.stateLabel, row.openedOn],
            }
        })
    return {
        table: 'sc_req_item',
        title: 'Requested Items',
        columns: ['Number', 'Item', 'Requested for', 'Approval', 'State', 'Opened'],
        rows,
    }
}
