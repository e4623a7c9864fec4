import { Record } from '@servicenow/sdk/core'

/**
 * Consumer group ids as the kit accepts them: 1-255 characters from [a-zA-Z0-9._-]. Kafka allows
 * more, but Kpow treats "*" in a policy resource as a wildcard, so the character class is what keeps
 * a requester from asking for every group at once. A group with other characters needs an
 * administrator in Kpow.
 */
export const consumerGroupRegex = Record({
    $id: Now.ID['consumer_group_regex'],
    table: 'question_regex',
    data: {
        name: 'Kpow JIT - Kafka consumer group',
        regex: '^[a-zA-Z0-9._-]{1,255}$',
        validation_message:
            'Enter one exact consumer group id: 1 to 255 letters, digits, ".", "_" or "-". Wildcards such as * are not allowed.',
        active: true,
    },
})
