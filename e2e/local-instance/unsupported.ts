// Everything the local instance does not understand in an update set, collected while loading and
// reported all at once: a missing feature must fail the test run loudly, never be skipped.

export type UnsupportedKind =
    | 'record-table'
    | 'record-action'
    | 'action-type'
    | 'step-type'
    | 'step-setting'
    | 'flow-logic'
    | 'trigger'
    | 'data-pill'
    | 'input'
    | 'missing-record'
    | 'script-syntax'
    | 'approval-rule'
    | 'notification'

export interface UnsupportedItem {
    kind: UnsupportedKind
    /** Where: the update set record (`sys_hub_flow_<id>`) and the thing inside it, by name. */
    where: string
    detail: string
}

export class UnsupportedCollector {
    private readonly items: UnsupportedItem[] = []

    add(kind: UnsupportedKind, where: string, detail: string): void {
        if (!this.items.some((item) => item.kind === kind && item.where === where && item.detail === detail)) {
            this.items.push({ kind, where, detail })
        }
    }

    list(): UnsupportedItem[] {
        return [...this.items]
    }

    throwIfAny(source: string): void {
        if (this.items.length > 0) throw new UnsupportedUpdateSetError(source, this.list())
    }
}

export class UnsupportedUpdateSetError extends Error {
    constructor(
        readonly source: string,
        readonly items: UnsupportedItem[]
    ) {
        super(
            `The local instance cannot run ${source}: ${String(items.length)} thing(s) it does not support or cannot find:\n` +
                items.map((item) => `  - [${item.kind}] ${item.where}: ${item.detail}`).join('\n')
        )
        this.name = 'UnsupportedUpdateSetError'
    }
}
