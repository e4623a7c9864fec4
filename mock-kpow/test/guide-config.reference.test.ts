// The Kpow configuration Factor House publishes with the guide, read in place (never copied): the
// same checks the project's own fixture passes in the normal tier, and mock-kpow runs on it unchanged.
import { describe } from 'vitest'
import { referenceDirPresent, referenceFiles } from '../../scripts/test/reference-files'
import { guideConfigCliTests, guideJaasTests, guideRbacTests, guideRealmTests } from './guide-config-checks'

const published = { ...referenceFiles, root: referenceFiles.kpowConfig }

describe.skipIf(!referenceDirPresent)("the guide's published Kpow configuration", () => {
    describe('jaas/hash-jaas.conf', () => guideJaasTests(published))
    describe('jaas/hash-realm.properties', () => guideRealmTests(published))
    describe('rbac/hash-rbac.yml', () => guideRbacTests(published))
    // setup.env's ENVIRONMENT_NAME.
    describe('the mock-kpow CLI', () => guideConfigCliTests(published, 'Local Kafka Cluster'))
})
