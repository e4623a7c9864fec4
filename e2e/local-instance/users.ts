// Seeded users by user name, as the pages and the API name them.
import { LocalInstanceError } from './errors'
import type { Database } from './tables'

export function userSysIdOf(database: Database, userName: string): string {
    const user = database.query('sys_user', `user_name=${userName}`)[0]
    if (!user)
        throw new LocalInstanceError(
            `No user "${userName}" (seeded users: ${database
                .query('sys_user')
                .map((candidate) => candidate.user_name)
                .join(', ')})`
        )
    return user.sys_id
}
