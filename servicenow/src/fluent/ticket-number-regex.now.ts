import { Record } from '@servicenow/sdk/core'

/** An incident or change number as the platform numbers them: INC0010001, CHG0030002. */
export const ticketNumberRegex = Record({
    $id: Now.ID['ticket_number_regex'],
    table: 'question_regex',
    data: {
        name: 'Kpow JIT - Incident or change number',
        regex: '^(INC|CHG)[0-9]{7,10}$',
        validation_message: 'Enter an incident or change number such as INC0010001 or CHG0030002, or leave it empty.',
        active: true,
    },
})
