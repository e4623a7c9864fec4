// The Glide API as a script step sees it, written in JavaScript that runs *inside* the QuickJS sandbox
// (sandbox-worker.mjs evaluates this file in each fresh sandbox, before its one script is known). Everything
// here is guest code: the only way out is the host function handed in below, which takes and returns
// JSON text, so a script can reach the local instance's tables, properties, connections and HTTP only
// through the operations listed in glide-sandbox.ts, and nothing of Node at all.
;(function installGlideApi(callHost, config) {
    'use strict'

    function host(operation) {
        var answer = JSON.parse(callHost(operation, JSON.stringify(Array.prototype.slice.call(arguments, 1))))
        if (answer.error !== undefined) throw new Error(answer.error)
        return answer.value
    }

    // What the tables look like does not change while a script runs: each answer about the schema
    // (a table or field that exists, a reference's table) is asked of the instance once per run, as
    // every field a script reads would otherwise cost a call. Failures are not kept: they throw.
    var schemaAnswers = Object.create(null)
    function schema(operation, table, field) {
        var key = operation + '\u0000' + table + '\u0000' + field
        if (!(key in schemaAnswers)) schemaAnswers[key] = host(operation, table, field)
        return schemaAnswers[key]
    }

    function unsupported(api) {
        throw new Error(api + ' is not supported by the local instance')
    }

    function text(value) {
        return value === null || value === undefined ? '' : String(value)
    }

    function glideDateTimeText(milliseconds) {
        return new Date(milliseconds).toISOString().replace('T', ' ').slice(0, 19)
    }

    // The instance answers false once the run's log is full (its bound): later lines are not sent at all.
    var logOpen = true
    var maxLogMessage = config.maxLogMessageChars
    function log(level, message) {
        if (!logOpen) return
        var line = String(message)
        if (line.length > maxLogMessage)
            line = line.slice(0, maxLogMessage) + ' [cut at ' + maxLogMessage + ' characters]'
        if (host('log', level, line) === false) logOpen = false
    }

    var gs = {
        info: function (message) {
            log('info', message)
        },
        warn: function (message) {
            log('warn', message)
        },
        error: function (message) {
            log('error', message)
        },
        debug: function (message) {
            log('debug', message)
        },
        log: function (message) {
            log('info', message)
        },
        getProperty: function (name, fallback) {
            var value = host('property', String(name))
            if (value !== null) return value
            return fallback === undefined ? null : fallback
        },
        nowDateTime: function () {
            return glideDateTimeText(host('now'))
        },
        // Asked of the host at the call: the sandbox is made ready before anyone runs a script in it.
        getUserID: function () {
            return host('currentUser').sysId
        },
        getUserName: function () {
            return host('currentUser').userName
        },
        nil: function (value) {
            return value === null || value === undefined || String(value) === ''
        },
        getMessage: function (message) {
            return message
        },
        addInfoMessage: function (message) {
            log('info', message)
        },
        addErrorMessage: function (message) {
            log('error', message)
        },
        // gs.eventQueue(name, record, parm1, parm2): the event is processed at once (notifications.ts).
        eventQueue: function (name, record, parm1, parm2, queue) {
            if (queue !== undefined && queue !== null && String(queue) !== '') unsupported('gs.eventQueue with a queue')
            if (!record || typeof record.getTableName !== 'function' || !record.getUniqueValue())
                throw new Error(
                    'gs.eventQueue("' + text(name) + '", record, ...) needs a GlideRecord positioned on a record'
                )
            host('eventQueue', text(name), record.getTableName(), record.getUniqueValue(), text(parm1), text(parm2))
        },
    }

    function GlideDateTime(value) {
        this.instant = value ? new Date(String(value).replace(' ', 'T') + 'Z').getTime() : host('now')
    }
    GlideDateTime.prototype.getValue = function () {
        return glideDateTimeText(this.instant)
    }
    GlideDateTime.prototype.getDisplayValue = GlideDateTime.prototype.getValue
    GlideDateTime.prototype.toString = GlideDateTime.prototype.getValue
    GlideDateTime.prototype.getNumericValue = function () {
        return this.instant
    }
    GlideDateTime.prototype.addSeconds = function (seconds) {
        this.instant += Number(seconds) * 1000
    }

    // Classes the platform documents for global scripts only: a scoped app's script that uses one is
    // refused at run time, as the platform refuses it (SecurityException), never run as if it were allowed.
    function refusedInScope(className) {
        return function () {
            throw new Error('SecurityException: ' + className + ' is not allowed in scoped applications')
        }
    }

    function connectionInfo(aliasId) {
        var connection = host('connection', String(aliasId))
        if (connection === null) return null
        return {
            getAttribute: function (name) {
                return Object.prototype.hasOwnProperty.call(connection.attributes, name)
                    ? connection.attributes[name]
                    : null
            },
            getCredentialAttribute: function (name) {
                return Object.prototype.hasOwnProperty.call(connection.credential, name)
                    ? connection.credential[name]
                    : null
            },
            getDataMap: function () {
                return JSON.parse(JSON.stringify(connection.attributes))
            },
            getCredentialAttributes: function () {
                return JSON.parse(JSON.stringify(connection.credential))
            },
        }
    }

    function RestResponse(status, body, headers, errorMessage) {
        this.getStatusCode = function () {
            return status
        }
        this.getBody = function () {
            return body
        }
        this.getHeader = function (name) {
            var wanted = String(name).toLowerCase()
            for (var i = 0; i < headers.length; i++) if (headers[i][0].toLowerCase() === wanted) return headers[i][1]
            return null
        }
        this.getHeaders = function () {
            var all = {}
            for (var i = 0; i < headers.length; i++) all[headers[i][0]] = headers[i][1]
            return all
        }
        this.haveError = function () {
            return errorMessage !== ''
        }
        this.getErrorMessage = function () {
            return errorMessage
        }
        this.getErrorCode = function () {
            return errorMessage === '' ? 0 : status === 0 ? 1 : status
        }
        this.waitForResponse = function () {}
    }

    function RESTMessageV2(name, method) {
        if (name !== undefined || method !== undefined) {
            unsupported('new sn_ws.RESTMessageV2(name, method) with a sys_rest_message record')
        }
        var request = {
            endpoint: '',
            method: 'get',
            body: undefined,
            timeoutMs: config.defaultHttpTimeoutMs,
            headers: {},
            basicAuth: null,
            queryParameters: [],
        }
        this.setEndpoint = function (url) {
            request.endpoint = String(url)
        }
        this.getEndpoint = function () {
            return request.endpoint
        }
        this.setHttpMethod = function (httpMethod) {
            request.method = String(httpMethod).toLowerCase()
        }
        this.setRequestHeader = function (header, value) {
            request.headers[String(header)] = String(value)
        }
        this.setRequestBody = function (body) {
            request.body = String(body)
        }
        this.setQueryParameter = function (parameter, value) {
            request.queryParameters.push([String(parameter), String(value)])
        }
        this.setHttpTimeout = function (milliseconds) {
            request.timeoutMs = Number(milliseconds)
        }
        this.setBasicAuth = function (user, password) {
            request.basicAuth = [String(user), String(password)]
        }
        this.setAuthenticationProfile = function (type, profileId) {
            if (String(type) !== 'basic') {
                throw new Error('setAuthenticationProfile("' + String(type) + '") is not supported (only "basic")')
            }
            var credential = host('credential', String(profileId))
            this.setBasicAuth(credential.user_name, credential.password)
        }
        this.setMIDServer = function () {
            throw new Error('setMIDServer is not supported: the local instance has no MID Server')
        }
        this.execute = function () {
            if (request.endpoint === '') throw new Error('RESTMessageV2.execute() without an endpoint')
            // Looks synchronous to the script, as on the platform; the instance performs the request
            // on its own thread meanwhile and keeps serving pages.
            var result = host('http', request)
            if (result.failure !== undefined) throw new Error(result.failure)
            return new RestResponse(result.status, result.body, result.headers, result.errorMessage)
        }
        this.executeAsync = this.execute
    }

    // A GlideRecord whose fields are also readable and writable as properties (`gr.state = '3'`,
    // `gr.number + ''`), as scripts commonly use them.
    function createGlideRecord(table) {
        schema('checkTable', table, '')
        var conditions = []
        var encodedQueries = []
        var results = []
        var cursor = -1
        var limit = Infinity
        var current
        var isNew = false

        function valueOf(field) {
            if (!current) return ''
            if (field.indexOf('.') !== -1)
                return current.sys_id ? host('resolvePath', table, current.sys_id, field) : ''
            schema('checkField', table, field)
            return text(current[field])
        }
        function setField(field, value) {
            schema('checkField', table, field)
            if (!current) throw new Error(table + '.' + field + ' set before initialize(), get() or next()')
            current[field] = text(value)
        }
        function element(field) {
            return {
                toString: function () {
                    return valueOf(field)
                },
                getValue: function () {
                    return valueOf(field)
                },
                getDisplayValue: function () {
                    return current && current.sys_id && !isNew
                        ? host('displayValue', table, current.sys_id, field)
                        : valueOf(field)
                },
                setValue: function (value) {
                    setField(field, value)
                },
                nil: function () {
                    return valueOf(field) === ''
                },
                // A journal field's entries as the platform gives them: newest first, each
                // "yyyy-MM-dd HH:mm:ss - Name (Label)\ntext", separated by a blank line; 1 = the newest only.
                getJournalEntry: function (mostRecent) {
                    if (!current || !current.sys_id || isNew) return ''
                    var entries = host('journalEntries', table, current.sys_id, field)
                    var count = Number(mostRecent) === -1 ? entries.length : Math.max(0, Number(mostRecent) || 0)
                    var texts = []
                    for (var i = 0; i < entries.length && i < count; i++) {
                        var entry = entries[i]
                        texts.push(entry.createdOn + ' - ' + entry.author + ' (' + entry.label + ')\n' + entry.value)
                    }
                    return texts.join('\n\n')
                },
                getRefRecord: function () {
                    var target = createGlideRecord(schema('referenceTable', table, field))
                    target.get(valueOf(field))
                    return target
                },
            }
        }
        function buildQuery() {
            var parts = encodedQueries.slice()
            for (var i = 0; i < conditions.length; i++) {
                parts.push(conditions[i].field + conditions[i].operator + conditions[i].value)
            }
            return parts
                .filter(function (part) {
                    return part !== ''
                })
                .join('^')
        }
        function load(row) {
            current = row === null || row === undefined ? undefined : row
            isNew = false
            return current !== undefined
        }
        function insert() {
            current = host('insert', table, current || {})
            isNew = false
            return current.sys_id
        }

        var api = {
            addQuery: function (field, operatorOrValue, value) {
                if (value === undefined) {
                    conditions.push({ field: String(field), operator: '=', value: String(operatorOrValue) })
                } else {
                    conditions.push({
                        field: String(field),
                        operator: String(operatorOrValue).toUpperCase(),
                        value: String(value),
                    })
                }
            },
            addEncodedQuery: function (query) {
                host('checkEncodedQuery', String(query))
                encodedQueries.push(String(query))
            },
            addNullQuery: function (field) {
                conditions.push({ field: String(field), operator: 'ISEMPTY', value: '' })
            },
            addNotNullQuery: function (field) {
                conditions.push({ field: String(field), operator: 'ISNOTEMPTY', value: '' })
            },
            addActiveQuery: function () {
                conditions.push({ field: 'active', operator: '=', value: 'true' })
            },
            setLimit: function (count) {
                limit = Number(count)
            },
            orderBy: function (field) {
                encodedQueries.push('ORDERBY' + String(field))
            },
            orderByDesc: function (field) {
                encodedQueries.push('ORDERBYDESC' + String(field))
            },
            query: function () {
                results = host('query', table, buildQuery()).slice(0, limit)
                cursor = -1
                current = undefined
            },
            hasNext: function () {
                return cursor + 1 < results.length
            },
            next: function () {
                cursor += 1
                return load(results[cursor])
            },
            get: function (fieldOrId, value) {
                return load(
                    value === undefined
                        ? host('get', table, String(fieldOrId))
                        : host('query', table, String(fieldOrId) + '=' + String(value))[0]
                )
            },
            getRowCount: function () {
                return results.length
            },
            isValidRecord: function () {
                return current !== undefined
            },
            initialize: function () {
                current = {}
                isNew = true
            },
            newRecord: function () {
                current = {}
                isNew = true
            },
            getValue: function (field) {
                var value = valueOf(String(field))
                return value === '' ? null : value
            },
            setValue: function (field, value) {
                setField(String(field), value)
            },
            getDisplayValue: function (field) {
                if (!current || !current.sys_id) return ''
                return field === undefined
                    ? host('recordDisplayValue', table, current.sys_id)
                    : host('displayValue', table, current.sys_id, String(field))
            },
            getUniqueValue: function () {
                return current && current.sys_id ? current.sys_id : null
            },
            getTableName: function () {
                return table
            },
            insert: insert,
            update: function () {
                if (!current || !current.sys_id || isNew) return insert()
                current = host('update', table, current.sys_id, current)
                return current.sys_id
            },
            deleteRecord: function () {
                throw new Error('GlideRecord.deleteRecord() is not supported by the local instance')
            },
        }

        return new Proxy(api, {
            get: function (target, property) {
                if (typeof property !== 'string') return undefined
                if (property in target) return target[property]
                if (schema('hasField', table, property)) return element(property)
                throw new Error(table + ' has no field or method "' + property + '" in the local instance')
            },
            set: function (_target, property, value) {
                if (typeof property !== 'string') return false
                setField(property, value)
                return true
            },
        })
    }

    globalThis.gs = gs
    globalThis.GlideRecord = function GlideRecord(table) {
        return createGlideRecord(String(table))
    }
    globalThis.GlideDateTime = GlideDateTime
    globalThis.GlideScheduleDateTime = refusedInScope('GlideScheduleDateTime')
    globalThis.sn_ws = { RESTMessageV2: RESTMessageV2 }
    globalThis.sn_cc = {
        ConnectionInfoProvider: function ConnectionInfoProvider() {
            this.getConnectionInfo = connectionInfo
            this.getConnectionInfoByDomain = connectionInfo
        },
    }
})(globalThis.__glideHost, JSON.parse(globalThis.__glideConfig))
delete globalThis.__glideHost
delete globalThis.__glideConfig
