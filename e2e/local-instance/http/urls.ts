// Where the local instance serves each page: the paths and parameters ServiceNow's classic UI uses,
// so that a browser test written against a real instance finds the same pages here.

export const LOGIN_PATH = '/login.do'
/** The classic Service Catalog home: the active items. */
export const CATALOG_HOME_PATH = '/catalog_home.do'
export const CATALOG_HOME_URL = `${CATALOG_HOME_PATH}?sysparm_view=catalog_default`
export const CATALOG_ITEM_PATH = '/com.glideapp.servicecatalog_cat_item_view.do'
export const CHECKOUT_PATH = '/com.glideapp.servicecatalog_checkout_view_v2.do'
export const APPROVAL_PATH = '/sysapproval_approver.do'
export const REQUEST_ITEM_PATH = '/sc_req_item.do'
/** The list views the lifecycle needs, by table. */
export const LIST_TABLES = ['sysapproval_approver', 'sc_req_item'] as const
export type ListTable = (typeof LIST_TABLES)[number]

/** A sys_id as the platform writes it: 32 lowercase hex digits. */
export const SYS_ID = /^[0-9a-f]{32}$/

export function loginUrl(next?: string): string {
    return next ? `${LOGIN_PATH}?next=${encodeURIComponent(next)}` : LOGIN_PATH
}

/** The classic catalog item view; `prefilled` variables are carried as extra parameters, as links do. */
export function catalogItemUrl(itemSysId: string, prefilled?: URLSearchParams): string {
    const extra = prefilled && prefilled.size > 0 ? `&${prefilled.toString()}` : ''
    return `${CATALOG_ITEM_PATH}?v=1&sysparm_id=${itemSysId}${extra}`
}

export function checkoutUrl(requestSysId: string): string {
    return `${CHECKOUT_PATH}?v=1&sysparm_sys_id=${requestSysId}`
}

export function approvalUrl(approvalSysId: string): string {
    return `${APPROVAL_PATH}?sys_id=${approvalSysId}`
}

export function requestItemUrl(itemSysId: string): string {
    return `${REQUEST_ITEM_PATH}?sys_id=${itemSysId}`
}

export function listUrl(table: ListTable, query: string): string {
    return `/${table}_list.do?sysparm_query=${encodeURIComponent(query)}`
}

/** My Approvals as the platform links it: the viewer's approvals still waiting. */
export const MY_APPROVALS_URL = listUrl('sysapproval_approver', 'approver=javascript:gs.getUserID()^state=requested')
/** My Requests: the items the viewer opened, newest first. */
export const MY_REQUESTS_URL = listUrl('sc_req_item', 'opened_by=javascript:gs.getUserID()^ORDERBYDESCnumber')
/** Requested Items, a fulfiller's list: every item the viewer may see, newest first. */
export const REQUESTED_ITEMS_URL = listUrl('sc_req_item', 'ORDERBYDESCnumber')
