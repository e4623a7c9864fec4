import { Record } from '@servicenow/sdk/core'

/** A Kafka cluster id is 16 random bytes in URL-safe base64 without padding: 22 characters. */
export const clusterIdRegex = Record({
    $id: Now.ID['cluster_id_regex'],
    table: 'question_regex',
    data: {
        name: 'Kpow JIT - Kafka cluster id',
        regex: '^[A-Za-z0-9_-]{22}$',
        validation_message:
            'Enter the Kafka cluster id as Kpow shows it: exactly 22 characters from letters, digits, "_" and "-" (for example 42RglGpZQwy9D5VzTVpCWA).',
        active: true,
    },
})
