/**
 * A scoped application the size of the large real exports (1 MB and up): per module a script
 * include with a long script, a Service Portal widget, a table with its dictionary entries, an ACL,
 * a business rule and a flow of twenty steps stored gzip+base64 the way the SDK writes them.
 * `modules` scales it: the corpus commits a 1 MB+ set; the timing test builds a 4 MB one.
 */
import type { Update } from './export-writer.ts'
import { exportXml, flowValues, id, input, recordXml, ref, single, uiId } from './export-writer.ts'
import { PLATFORM } from './flow-sets.ts'

const SCOPE = { sysId: id('app acme assets'), name: 'Acme Asset Tracker', scope: 'x_acme_assets' }
const options = { scope: SCOPE }

function longScript(module: number): string {
    const methods = Array.from(
        { length: 28 },
        (_, index) => `    /**
     * Step ${String(index + 1)} of the module ${String(module)} reconciliation: reads the assets of one location,
     * compares them with the discovery payload and records what differs.
     */
    reconcile${String(index + 1)}: function(locationId, payload) {
        var asset = new GlideRecord('x_acme_assets_asset_${String(module)}');
        asset.addQuery('location', locationId);
        asset.addQuery('state', 'IN', 'in_use,in_stock');
        asset.query();
        var seen = {};
        while (asset.next()) {
            var serial = asset.getValue('serial_number');
            seen[serial] = true;
            if (!payload[serial]) this._flag(asset, 'missing from discovery (${String(index + 1)})');
        }
        return seen;
    },`
    ).join('\n')
    return `var AssetReconciler${String(module)} = Class.create();
AssetReconciler${String(module)}.prototype = {
    initialize: function() {
        this.log = new global.GSLog('x_acme_assets.log.level', 'AssetReconciler${String(module)}');
    },
${methods}
    _flag: function(asset, why) {
        asset.setValue('u_discrepancy', why);
        asset.update();
    },
    type: 'AssetReconciler${String(module)}'
};`
}

function widgetTemplate(module: number): string {
    const rows = Array.from(
        { length: 20 },
        (_, index) =>
            `  <div class="asset-row" ng-repeat="asset in c.data.assets${String(index)} track by asset.sys_id">\n    <span class="asset-name">{{asset.name}}</span> <span class="badge">{{asset.state}}</span>\n  </div>`
    ).join('\n')
    return `<div class="panel panel-default acme-assets-${String(module)}">\n<div class="panel-heading">Assets</div>\n${rows}\n</div>`
}

function flowUpdate(module: number): Update {
    const name = `Reconcile Assets ${String(module).padStart(3, '0')}`
    const flowId = id(`large flow ${String(module)}`)
    const step = (
        key: string,
        order: number,
        parent: string,
        table: string,
        definition: Record<string, string>,
        values: unknown
    ) =>
        recordXml(
            table,
            id(`large flow ${String(module)} step ${key}`),
            {
                ...definition,
                comment: '',
                flow: ref(flowId, name),
                order: String(order),
                parent_ui_id: parent ? uiId(`large ${String(module)} ${parent}`) : '',
                ui_id: uiId(`large ${String(module)} ${key}`),
                values: flowValues(values, 'gzip'),
            },
            options
        )
    const action = (definition: { sysId: string; name: string }) => ({
        action_type: ref(definition.sysId, definition.name) as never,
        action_type_parent: ref(definition.sysId, definition.name) as never,
    })
    const records = [
        recordXml(
            'sys_hub_flow',
            flowId,
            {
                active: 'true',
                description: `Nightly reconciliation of location group ${String(module)}`,
                name,
                run_as: 'system',
                status: 'published',
                type: 'flow',
            },
            options
        ),
        recordXml(
            'sys_hub_trigger_instance_v2',
            id(`large flow ${String(module)} trigger`),
            {
                flow: ref(flowId, name),
                name: 'Daily',
                trigger_definition: ref(PLATFORM.triggerDaily.sysId, PLATFORM.triggerDaily.name) as never,
                trigger_inputs: flowValues([input('time', '1970-01-01 02:00:00')], 'gzip'),
                trigger_type: 'daily',
            },
            options
        ),
    ]
    let order = 1
    for (let round = 0; round < 5; round += 1) {
        const ifKey = `if ${String(round)}`
        records.push(
            step(`look ${String(round)}`, order++, '', 'sys_hub_action_instance_v2', action(PLATFORM.lookUpRecords), [
                input('table', `x_acme_assets_asset_${String(module)}`),
                input('conditions', `state=in_use^location.u_group=${String(round)}^EQ`),
            ]),
            step(
                ifKey,
                order++,
                '',
                'sys_hub_flow_logic_instance_v2',
                { logic_definition: ref(PLATFORM.if.sysId, 'If') as never },
                {
                    inputs: [
                        input('condition_name', `Group ${String(round)} has assets`),
                        input('condition', `{{${uiId(`large ${String(module)} look ${String(round)}`)}.Count}}>0^EQ`),
                    ],
                }
            ),
            step(`log ${String(round)}`, order++, ifKey, 'sys_hub_action_instance_v2', action(PLATFORM.log), [
                input('log_message', `Reconciling group ${String(round)}`),
            ]),
            step(
                `update ${String(round)}`,
                order++,
                ifKey,
                'sys_hub_action_instance_v2',
                action(PLATFORM.updateRecord),
                [
                    input('table_name', `x_acme_assets_location_${String(module)}`),
                    input('values', `u_reconciled_on=javascript:gs.nowDateTime()^u_state=2^EQ`),
                ]
            )
        )
    }
    return { name: `sys_hub_flow_${flowId}`, collection: 'sys_hub_flow', targetName: name, type: 'Flow', records }
}

function moduleUpdates(module: number): Update[] {
    const table = `x_acme_assets_asset_${String(module)}`
    return [
        single(
            'sys_script_include',
            id(`large script include ${String(module)}`),
            {
                access: 'public',
                active: 'true',
                api_name: `x_acme_assets.AssetReconciler${String(module)}`,
                client_callable: 'false',
                name: `AssetReconciler${String(module)}`,
                script: longScript(module),
            },
            { target: `AssetReconciler${String(module)}`, type: 'Script Include' },
            options
        ),
        single(
            'sp_widget',
            id(`large widget ${String(module)}`),
            {
                client_script:
                    'api.controller = function() {\n    var c = this;\n    c.refresh = function() { c.server.update(); };\n};',
                css: '.acme-assets .asset-row { padding: 4px 8px; border-bottom: 1px solid #eee; }\n.badge { margin-left: 4px; }',
                id: `acme-assets-${String(module)}`,
                name: `Acme Assets ${String(module)}`,
                script: `(function() {\n    data.assets0 = new x_acme_assets.AssetReconciler${String(module)}().list();\n})();`,
                template: widgetTemplate(module),
            },
            { target: `Acme Assets ${String(module)}`, type: 'Widget' },
            options
        ),
        single(
            'sys_db_object',
            id(`large table ${String(module)}`),
            { is_extendable: 'false', label: `Asset ${String(module)}`, name: table, super_class: '' },
            { target: table, type: 'Table' },
            { ...options, updateName: `sys_db_object_${table}` }
        ),
        ...['serial_number', 'u_discrepancy'].map((element) =>
            single(
                'sys_dictionary',
                id(`large dictionary ${String(module)} ${element}`),
                {
                    active: 'true',
                    column_label: element === 'serial_number' ? 'Serial number' : 'Discrepancy',
                    element,
                    internal_type: ref('string', 'String'),
                    max_length: '100',
                    name: table,
                },
                { target: `${table}.${element}`, type: 'Dictionary', collection: table },
                { ...options, updateName: `sys_dictionary_${table}_${element}` }
            )
        ),
        single(
            'sys_script',
            id(`large business rule ${String(module)}`),
            {
                action_update: 'true',
                active: 'true',
                collection: table,
                filter_condition: { value: 'u_discrepancyISNOTEMPTY^EQ', attributes: { table } },
                name: `Flag discrepancy ${String(module)}`,
                order: '100',
                script: "(function executeRule(current, previous) {\n    gs.addInfoMessage('Discrepancy: ' + current.u_discrepancy);\n})(current, previous);",
                when: 'after',
            },
            { target: `Flag discrepancy ${String(module)}`, type: 'Business Rule', collection: table },
            options
        ),
        flowUpdate(module),
    ]
}

/** The scoped app with this many modules (14 give just over 1 MB; 55 about 4 MB). */
export function largeSet(modules: number): string {
    const updates: Update[] = [
        single(
            'sys_app',
            SCOPE.sysId,
            {
                active: 'true',
                name: SCOPE.name,
                scope: SCOPE.scope,
                short_description: 'Tracks hardware assets',
                version: '1.2.0',
            },
            { target: SCOPE.name, type: 'Application' },
            options
        ),
    ]
    for (let module = 1; module <= modules; module += 1) updates.push(...moduleUpdates(module))
    return exportXml(
        {
            name: `Acme Asset Tracker 1.2.0 (${String(modules)} modules)`,
            description: 'A large scoped application.',
            scope: SCOPE,
        },
        updates
    )
}
