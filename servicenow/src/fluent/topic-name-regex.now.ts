import { Record } from '@servicenow/sdk/core'

/**
 * Kafka topic names: 1-249 characters from [a-zA-Z0-9._-], and neither "." nor "..". Kpow treats
 * "*" in a policy resource as a wildcard, so the character class is also what keeps a requester
 * from asking for every topic at once.
 */
export const topicNameRegex = Record({
    $id: Now.ID['topic_name_regex'],
    table: 'question_regex',
    data: {
        name: 'Kpow JIT - Kafka topic name',
        regex: '^(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}$',
        validation_message:
            'Enter one exact Kafka topic name: 1 to 249 letters, digits, ".", "_" or "-" (not "." or ".."). Wildcards such as * are not allowed.',
        active: true,
    },
})
