import { MultiLineTextVariable, SingleLineTextVariable } from '@servicenow/sdk/core'
import { ticketNumberRegex } from './ticket-number-regex.now'

/**
 * The variables every Kpow access item asks alike, the guide's item (request-topic-access-catalog-item.now.ts)
 * and each profile's generated item (generated/access-profiles.now.ts): written once here. A variable
 * exported from a Fluent module builds the same records as one written inline in the item.
 */
export const justificationVariable = MultiLineTextVariable({
    question: 'Business Justification',
    order: 500,
    mandatory: true,
    showHelp: true,
    tooltip: 'Why you need this access now',
    helpText: 'What you will do with the access and why now. Your approvers read it; it is kept on the request.',
})

export const ticketNumberVariable = SingleLineTextVariable({
    question: 'Incident or Change Number',
    order: 600,
    mandatory: false,
    showHelp: true,
    validateRegex: ticketNumberRegex,
    tooltip: 'Optional: the incident or change this access is for',
    helpText: 'Optional: the incident (INC...) or change (CHG...) number this access is for.',
    exampleText: 'INC0010001',
})
