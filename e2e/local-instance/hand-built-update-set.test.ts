// A set built the guide's way (the project's own fixture), refused with everything it lacks or
// uses that cannot run here. It carries two of its four variables: only the other two are missing.
import { readFileSync } from 'node:fs'
import { describe } from 'vitest'
import {
    HAND_BUILT_SET_FILE,
    HAND_BUILT_SET_NAME,
    handBuiltSetIds as ids,
} from '../../scripts/lib/update-set/testing/index'
import { guideShapedSetTests } from './test/guide-shaped-set-checks'

describe('an update set built by hand from the guide', () => {
    guideShapedSetTests({
        xml: () => readFileSync(HAND_BUILT_SET_FILE, 'utf8'),
        name: HAND_BUILT_SET_NAME,
        missingVariables: [ids.variables.cluster_id, ids.variables.topic_name],
        missingVariableCount: 2,
        missingAlias: ids.missingAlias,
    })
})
