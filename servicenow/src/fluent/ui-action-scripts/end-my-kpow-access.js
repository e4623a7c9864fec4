/*
 * Script of the UI action "End my Kpow access" (sc_req_item form button). Runs on the server as the
 * requester who clicked it, in ES5 mode: closes the item Closed Complete with a comment; the Kpow
 * Access Lifecycle flow waits for the close and then deletes the temporary policy.
 */
current.setValue('state', 3)
current.setValue(
    'comments',
    'Kpow access ended early by the requester (' +
        gs.getUserName() +
        '): this request is closed, so the access is revoked.'
)
current.update()
action.setRedirectURL(current)
