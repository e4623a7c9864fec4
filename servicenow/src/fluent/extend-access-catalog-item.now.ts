import { CatalogItem, MultiLineTextVariable, SelectBoxVariable, SingleLineTextVariable } from '@servicenow/sdk/core'
import { requestedItemNumberRegex } from './requested-item-number-regex.now'
import { kpowSettings } from './settings'

/** Platform records every Zurich instance has: the "Service Catalog" catalog and its "Software" category. */
const SERVICE_CATALOG = 'e0d08b13c3330100c8b837659bba8fb4'
const SOFTWARE_CATEGORY = '2809952237b1300054b6a3549dbe5dd4'

/**
 * More time for access that is still open. The reminder links here with requested_item filled in
 * (Service Portal fills a variable from the URL parameter of its name). A single-line number rather
 * than a reference variable: the action checks it is the requester's own open item either way.
 */
export const extendAccessCatalogItem = CatalogItem({
    $id: Now.ID['extend_access_catalog_item'],
    name: 'Extend Kpow Access',
    shortDescription: 'More time for Kpow access you were granted and still hold, without a new request.',
    description:
        "Extends the Kpow access of one of your open requests. Approved like the original request, unless the access profile pre-approves extensions this short. The whole access, from the first grant to the new end, stays within the profile's maximum. Kpow's new policy is in place before the old one is removed, so the access never lapses; a refused extension leaves the current access as it is.",
    catalogs: [SERVICE_CATALOG],
    categories: [SOFTWARE_CATEGORY],
    flow: Now.ref('sys_hub_flow', 'access_extension_flow'),
    variables: {
        requested_item: SingleLineTextVariable({
            question: 'Request To Extend',
            order: 100,
            mandatory: true,
            showHelp: true,
            validateRegex: requestedItemNumberRegex,
            tooltip: 'The number of your open Kpow access request',
            helpText: 'The RITM number of your Kpow access request that is still open, as in the reminder.',
            exampleText: 'RITM0010001',
        }),
        extension_ms: SelectBoxVariable({
            question: 'How Much Longer',
            order: 200,
            mandatory: true,
            showHelp: true,
            choices: kpowSettings.extensionChoices,
            tooltip: 'Added to the current end of the access',
            helpText:
                "Added to when the access ends now. The whole access may not last longer than the profile's maximum from the first grant.",
        }),
        justification: MultiLineTextVariable({
            question: 'Business Justification',
            order: 300,
            mandatory: true,
            showHelp: true,
            tooltip: 'Why you need more time',
            helpText: 'Why the access is needed for longer. Your approvers read it.',
        }),
    },
})
