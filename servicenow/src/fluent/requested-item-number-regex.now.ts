import { Record } from '@servicenow/sdk/core'

/** A requested item number as the platform numbers them: RITM0010001. */
export const requestedItemNumberRegex = Record({
    $id: Now.ID['requested_item_number_regex'],
    table: 'question_regex',
    data: {
        name: 'Kpow JIT - Requested item number',
        regex: '^RITM[0-9]{7,10}$',
        validation_message: 'Enter the number of your open Kpow access request, such as RITM0010001.',
        active: true,
    },
})
