// The real export that accompanies the integration guide, read in place (never copied): readable,
// and refused with the list of what it lacks or uses that the local instance cannot run.
import { readFileSync } from 'node:fs'
import { describe } from 'vitest'
import { referenceDirPresent, referenceFiles } from '../../scripts/test/reference-files'
import { guideShapedSetTests } from './test/guide-shaped-set-checks'

describe.skipIf(!referenceDirPresent)("the guide's published update set", () => {
    guideShapedSetTests({
        xml: () => readFileSync(referenceFiles.updateSet, 'utf8'),
        name: 'Kpow Kafka Governance Integration',
        // All four of its variables are missing; one named here stands for them.
        missingVariables: ['e4d7b30d83df3210646db9c6feaad358'],
        missingVariableCount: 4,
        missingAlias: '70b39b89839b3210646db9c6feaad3cc',
    })
})
