// The root configuration's e2e project, pointed at the one spec here that fails on purpose
// (scripts/test/e2e-instance-target.test.ts runs it on the instance target). Paths the root gives
// relative to itself are given again from here.
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'
import root from '../../../playwright.config'

const e2e = root.projects?.find((project) => project.name === 'e2e')
const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
    ...root,
    globalSetup: fromHere('../hold-default-ports.ts'),
    reporter: [['list'], [fromHere('../../../e2e/specs/skip-reasons.ts')]],
    projects: [
        { ...e2e, name: 'e2e-clean-up', testDir: '.', outputDir: fromHere('../../../test-results/e2e-clean-up') },
    ],
})
