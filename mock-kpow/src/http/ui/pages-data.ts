// Data > Inspect and Data > Produce.
import type { KafkaMessage, TopicSummary } from '../../data/data-store'
import type { ProduceOutcome } from '../../data/data-access'
import type { ClusterIdentity } from '../../engine/types'
import type { KpowError } from '../../errors'
import { html, type SafeHtml } from '../../../../scripts/lib/common/index'
import { alert, csrfField, fieldList, formatTs, page, type Chrome, type ClusterSelector } from './layout'
import { DEFAULT_MESSAGE_COUNT, MAX_MESSAGE_COUNT } from './parse-input'

const INSPECT_FORM = 'inspect-form'
const PRODUCE_FORM = 'produce-form'

export interface TopicPicker {
    readonly clusters: readonly ClusterIdentity[]
    readonly clusterId: string | undefined
    readonly topics: readonly TopicSummary[]
    readonly topic: string | undefined
}

export type InspectOutcome =
    | {
          readonly kind: 'messages'
          readonly messages: readonly KafkaMessage[]
          /** Only when the viewer holds TOPIC_DATA_DOWNLOAD: the link is not offered to others. */
          readonly downloadHref: string | undefined
      }
    | { readonly kind: 'error'; readonly error: KpowError }

export function inspectPage(
    chrome: Chrome,
    picker: TopicPicker,
    form: Readonly<Record<string, string>>,
    outcome: InspectOutcome | undefined
): string {
    const mode = form.mode === 'offset' ? 'offset' : 'latest'
    return page(
        'Data > Inspect',
        html`<h1>Data &gt; Inspect</h1>
    <p class="subtitle">Query a topic's messages. Needs TOPIC_DATA_QUERY on the topic; download needs TOPIC_DATA_DOWNLOAD.</p>
    <form method="get" action="/data/inspect" class="card grid" aria-label="Query" id="${INSPECT_FORM}">
      ${pickerFields(picker)}
      <label>Window
        <select name="mode">
          <option value="latest"${mode === 'latest' ? html` selected` : ''}>Latest messages</option>
          <option value="offset"${mode === 'offset' ? html` selected` : ''}>From partition and offset</option>
        </select>
      </label>
      <label>Number of messages <input name="count" type="number" min="1" max="${MAX_MESSAGE_COUNT}" value="${form.count || DEFAULT_MESSAGE_COUNT}"></label>
      <label class="wide">Key contains <input name="key" value="${form.key ?? ''}"></label>
      <label class="wide">Value contains <input name="value" value="${form.value ?? ''}"></label>
      <label>Partition <input name="partition" type="number" min="0" value="${form.partition ?? ''}" placeholder="any"></label>
      <label>Offset <input name="offset" type="number" min="0" value="${form.offset ?? ''}" placeholder="0"></label>
      <div class="actions submit"><button type="submit">Search</button></div>
    </form>
    ${outcome ? renderOutcome(picker, outcome) : ''}`,
        { chrome, section: 'inspect', cluster: clusterSelector(picker, INSPECT_FORM) }
    )
}

/** The cluster is chosen in the top bar, as in Kpow; its selector belongs to the page's form. */
function clusterSelector(picker: TopicPicker, formId: string): ClusterSelector {
    return { clusters: picker.clusters, clusterId: picker.clusterId, formId }
}

function pickerFields(picker: TopicPicker): SafeHtml {
    return html`<label class="wide">Topic
      <select name="topic" required>
        <option value="">Choose a topic</option>
        ${picker.topics.map(
            (topic) =>
                html`<option value="${topic.name}"${topic.name === picker.topic ? html` selected` : ''}>${topic.name}</option>`
        )}
      </select>
    </label>`
}

function renderOutcome(picker: TopicPicker, outcome: InspectOutcome): SafeHtml {
    if (outcome.kind === 'error') {
        return alert('error', outcome.error.message, fieldList(outcome.error.fields))
    }
    const { messages } = outcome
    return html`<section aria-labelledby="results-title">
    <div class="actions" style="justify-content:space-between">
      <h2 id="results-title">${messages.length} ${messages.length === 1 ? 'message' : 'messages'} from ${picker.topic ?? ''}</h2>
      ${outcome.downloadHref === undefined ? '' : html`<a class="button secondary" href="${outcome.downloadHref}">Download as JSON</a>`}
    </div>
    ${
        messages.length === 0
            ? html`<p class="empty">No messages match.</p>`
            : html`<table aria-labelledby="results-title">
      <colgroup><col style="width:88px"><col style="width:88px"><col style="width:120px"><col style="width:24%"><col></colgroup>
      <thead><tr><th scope="col">Partition</th><th scope="col">Offset</th><th scope="col">Timestamp</th><th scope="col">Key</th><th scope="col">Value</th></tr></thead>
      <tbody>
        ${messages.map(
            (message) => html`<tr>
          <td>${message.partition}</td><td>${message.offset}</td><td class="mono">${formatTs(message.timestamp)}</td>
          <td class="mono">${message.key ?? html`<span class="muted">null</span>`}</td>
          <td class="value">${message.value === null ? html`<span class="muted">null</span>` : displayValue(message.value)}</td>
        </tr>`
        )}
      </tbody>
    </table>`
    }
  </section>`
}

export function producePage(
    chrome: Chrome,
    picker: TopicPicker,
    form: Readonly<Record<string, string>>,
    outcome:
        | { readonly kind: 'done'; readonly result: ProduceOutcome; readonly topic: string }
        | { readonly kind: 'error'; readonly error: KpowError }
        | undefined
): string {
    return page(
        'Data > Produce',
        html`<h1>Data &gt; Produce</h1>
    <p class="subtitle">Write a message to a topic. Needs TOPIC_PRODUCE; under a Stage policy the write waits for an admin's approval.</p>
    ${outcome ? renderProduceOutcome(outcome) : ''}
    <form method="post" action="/data/produce" class="card grid" aria-label="Produce" id="${PRODUCE_FORM}">
      ${csrfField(chrome.csrfToken)}
      ${pickerFields(picker)}
      <label>Partition <input name="partition" type="number" min="0" value="${form.partition ?? ''}" placeholder="by key"></label>
      <label class="wide">Key <input name="key" value="${form.key ?? ''}"></label>
      <label class="full">Value <textarea name="value">${form.value ?? ''}</textarea></label>
      <div class="actions full"><button type="submit">Produce</button></div>
    </form>`,
        { chrome, section: 'produce', cluster: clusterSelector(picker, PRODUCE_FORM) }
    )
}

function renderProduceOutcome(
    outcome:
        | { readonly kind: 'done'; readonly result: ProduceOutcome; readonly topic: string }
        | { readonly kind: 'error'; readonly error: KpowError }
): SafeHtml {
    if (outcome.kind === 'error') {
        return alert('error', outcome.error.message, fieldList(outcome.error.fields))
    }
    const { result } = outcome
    if (result.outcome === 'applied') {
        return alert(
            'ok',
            `Message produced to ${outcome.topic}.`,
            html`<p>Partition ${result.message.partition}, offset ${result.message.offset}.</p>`
        )
    }
    return alert(
        'info',
        `Message staged for approval (mutation ${result.mutation.id}).`,
        html`<p>A Stage policy applies to TOPIC_PRODUCE on ${outcome.topic}: an admin approves or rejects it in Settings &gt; Staged mutations.</p>`
    )
}

/**
 * A JSON value shown with a space after each separator, so long values wrap between fields rather
 * than inside them. JSON text holds no raw newlines inside strings, so only layout whitespace changes.
 */
export function displayValue(value: string): string {
    try {
        const parsed: unknown = JSON.parse(value)
        if (typeof parsed !== 'object' || parsed === null) return value
        return JSON.stringify(parsed, null, 1).replace(/\n\s*/g, ' ')
    } catch {
        return value
    }
}
