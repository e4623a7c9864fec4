import { CatalogItem, SelectBoxVariable, SingleLineTextVariable } from '@servicenow/sdk/core'
import { justificationVariable, ticketNumberVariable } from './catalog-item-variables.now'
import { clusterIdRegex } from './cluster-id-regex.now'
import { kpowSettings } from './settings'
import { topicNameRegex } from './topic-name-regex.now'

/**
 * The guide's item, kept as it was: it serves the access profile marked `guideItem` in settings.ts
 * (TOPIC_DATA_QUERY on one topic). Every other profile's item is generated from settings.ts.
 */

/** Platform records every Zurich instance has: the "Service Catalog" catalog and its "Software" category. */
const SERVICE_CATALOG = 'e0d08b13c3330100c8b837659bba8fb4'
const SOFTWARE_CATEGORY = '2809952237b1300054b6a3549dbe5dd4'

export const requestTopicAccessCatalogItem = CatalogItem({
    $id: Now.ID['request_topic_access_catalog_item'],
    name: 'Request Kpow Topic Query Access',
    shortDescription: 'Request temporary Just-in-Time (JIT) query access for a specific Kafka topic.',
    description:
        'Asks for time-limited TOPIC_DATA_QUERY access to one Kafka topic in Kpow. Your manager (or the Kpow Access Approvers group when you have none) approves; access is revoked when this request is closed or when the chosen duration ends, whichever comes first. Unless the instance grants personal roles, everyone who holds the chosen Kpow role gains the access.',
    catalogs: [SERVICE_CATALOG],
    categories: [SOFTWARE_CATEGORY],
    flow: Now.ref('sys_hub_flow', 'access_lifecycle_flow'),
    variables: {
        cluster_id: SingleLineTextVariable({
            question: 'Cluster ID',
            order: 100,
            mandatory: true,
            showHelp: true,
            validateRegex: clusterIdRegex,
            tooltip: 'The Kafka cluster id as Kpow shows it',
            helpText:
                'The id of the Kafka cluster that holds the topic, as shown in Kpow (Cluster > Overview): 22 characters of letters, digits, "_" and "-", for example 42RglGpZQwy9D5VzTVpCWA.',
            exampleText: '42RglGpZQwy9D5VzTVpCWA',
        }),
        topic_name: SingleLineTextVariable({
            question: 'Topic Name',
            order: 200,
            mandatory: true,
            showHelp: true,
            validateRegex: topicNameRegex,
            tooltip: 'One exact topic name; no wildcards',
            helpText:
                'The exact name of one Kafka topic: up to 249 letters, digits, ".", "_" or "-". Wildcards such as * are refused: ask once per topic.',
            exampleText: '__oprtr_audit_log',
        }),
        role_name: SelectBoxVariable({
            question: 'Kpow Role',
            order: 300,
            mandatory: true,
            showHelp: true,
            choices: kpowSettings.roleChoices,
            tooltip: 'The Kpow role that receives the access',
            helpText:
                "The Kpow role you sign in with. Only roles the Kafka administrators allow for just-in-time access are listed. Everyone who holds this role gains the access while it lasts, not only you, unless your administrator's grant setting gives access to personal roles (then this choice is ignored and your personal Kpow role is used; the request says which).",
        }),
        duration_ms: SelectBoxVariable({
            question: 'Access Duration',
            order: 400,
            mandatory: true,
            showHelp: true,
            choices: kpowSettings.durationChoices,
            tooltip: 'How long the access lasts at most',
            helpText: kpowSettings.durationHelpText,
        }),
        justification: justificationVariable,
        ticket_number: ticketNumberVariable,
    },
})
