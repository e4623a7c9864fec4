// One JSON request to a server under test, with an Authorization header: its status, headers and
// parsed body (empty object for an empty body). Redirects are not followed, so a test sees them.
export interface JsonAnswer {
    status: number
    headers: Headers
    json: Record<string, unknown>
}

export async function callJson(
    url: string,
    method: string,
    authorization: string,
    body?: unknown
): Promise<JsonAnswer> {
    const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: {
            authorization,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return {
        status: response.status,
        headers: response.headers,
        json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    }
}
