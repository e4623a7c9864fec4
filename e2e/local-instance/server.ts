// Starts the local instance as a web server: seeds the users fixture (and `admin`), then either
// starts empty, for a deploy to bring the update set through the REST API, or loads the update set
// FILE (the built artifact) through the deploy's own path, points the set's connection alias at
// Kpow and optionally activates the flows (imports leave them draft, as on the platform); serves
// the pages and the REST API.
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readUpdateSet, recordsOfTable } from '../../scripts/lib/update-set/index'
import { createLocalInstanceApp } from './http/app'
import { warmUpScriptSandbox } from './glide-sandbox'
import type { AliasConnection, LocalInstance, UsersFixture } from './instance'
import { createLocalInstance, LocalInstanceError } from './instance'

export interface LocalInstanceServerOptions {
    /** The update set to start with; without it the instance starts empty, for a deploy. */
    updateSetFile?: string
    usersFile: string
    port: number
    host?: string
    /** The alias' connection, with an update set file (a deploy creates its own). */
    kpow?: AliasConnection
    /** The alias to connect, by name or id; needed only when the set has several. */
    alias?: string
    /** System properties to set after loading the set (e.g. x_kpow_jit.kpow_ui_url). */
    properties?: Record<string, string>
    activate: boolean
    /** Every fixture user's password (default `demo`). */
    password?: string
    /** The `admin` user's password (default `admin`). */
    adminPassword?: string
    /** A folder keeping the instance's state across restarts (resumed when it holds one); none: memory only. */
    dataDir?: string
    /** Script sandboxes kept ready (LocalInstanceOptions.sandboxPool); 0 only for the lifecycle benchmark's baseline. */
    sandboxPool?: number
}

export interface RunningLocalInstance {
    readonly url: string
    readonly instance: LocalInstance
    /** The alias connected at start; undefined when started empty. */
    readonly aliasName: string | undefined
    readonly activatedFlows: string[]
    close(): Promise<void>
}

function readTextFile(path: string, what: string): string {
    try {
        return readFileSync(path, 'utf8')
    } catch (error) {
        throw new LocalInstanceError(`Cannot read the ${what} ${path}: ${(error as Error).message}`)
    }
}

/** The alias the Kpow connection is for: the named one, or the set's only alias. */
function chooseAlias(updateSetXml: string, wanted: string | undefined): string {
    const aliases = recordsOfTable(readUpdateSet(updateSetXml), 'sys_alias').map((record) => ({
        name: record.fields.name?.value ?? '',
        id: record.fields.id?.value ?? '',
    }))
    const listed = aliases.map((alias) => `"${alias.name}" (${alias.id})`).join(', ') || 'none'
    if (wanted !== undefined) {
        const found = aliases.find((alias) => alias.name === wanted || alias.id === wanted)
        if (!found)
            throw new LocalInstanceError(
                `--alias "${wanted}" is not a connection alias of the update set (aliases: ${listed})`
            )
        return found.name
    }
    const [only, ...more] = aliases
    if (!only || more.length > 0)
        throw new LocalInstanceError(
            `The update set has ${String(aliases.length)} connection aliases (${listed}); name the one Kpow serves with --alias`
        )
    return only.name
}

export async function startLocalInstanceServer(options: LocalInstanceServerOptions): Promise<RunningLocalInstance> {
    const updateSetXml =
        options.updateSetFile === undefined ? undefined : readTextFile(options.updateSetFile, 'update set')
    let users: UsersFixture
    try {
        users = JSON.parse(readTextFile(options.usersFile, 'users fixture')) as UsersFixture
    } catch (error) {
        if (error instanceof LocalInstanceError) throw error
        throw new LocalInstanceError(`The users fixture ${options.usersFile} is not JSON: ${(error as Error).message}`)
    }
    const aliasName =
        updateSetXml === undefined || options.kpow === undefined ? undefined : chooseAlias(updateSetXml, options.alias)
    const instance = createLocalInstance({
        updateSetXml,
        users,
        aliases: aliasName === undefined || options.kpow === undefined ? undefined : { [aliasName]: options.kpow },
        properties: options.properties,
        dataDir: options.dataDir,
        sandboxPool: options.sandboxPool,
    })
    try {
        return await serve(instance, options, instance.resumed ? undefined : aliasName)
    } catch (error) {
        instance.close()
        throw error
    }
}

async function serve(
    instance: LocalInstance,
    options: LocalInstanceServerOptions,
    aliasName: string | undefined
): Promise<RunningLocalInstance> {
    const activatedFlows = options.activate ? (instance.report?.flows.map((flow) => flow.name) ?? []) : []
    for (const flowName of activatedFlows) instance.activateFlow(flowName)

    await warmUpScriptSandbox()
    const app = createLocalInstanceApp({
        instance,
        password: options.password,
        adminPassword: options.adminPassword,
    })
    const host = options.host ?? '127.0.0.1'
    const server = await new Promise<Server>((resolve, reject) => {
        const listening = app.listen(options.port, host, (error?: Error) =>
            error ? reject(error) : resolve(listening)
        )
    })
    const address = server.address() as AddressInfo
    const url = `http://${host}:${String(address.port)}`
    setInstanceUrl(instance, url)
    return {
        url,
        instance,
        aliasName,
        activatedFlows,
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.close((error) => (error ? reject(error) : resolve()))
                server.closeAllConnections()
            }).finally(() => instance.close()),
    }
}

/** glide.servlet.uri: the platform's property naming the instance's own URL (links in emails use it). */
function setInstanceUrl(instance: LocalInstance, url: string): void {
    const database = instance.database
    const [property] = database.query('sys_properties', 'name=glide.servlet.uri')
    if (property) database.update('sys_properties', property.sys_id, { value: `${url}/` }, 'system')
    else database.insert('sys_properties', { name: 'glide.servlet.uri', value: `${url}/`, type: 'string' }, 'system')
}
