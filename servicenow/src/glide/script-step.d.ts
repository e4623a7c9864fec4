// What a Flow Designer action's script step and a Script Include are given besides the Glide classes:
// the step's input and output variables (named by the action's Fluent source), the platform's
// Class.create for a Script Include's class, and the app's scope, through which scripts reach its
// Script Includes (`new x_kpow_jit.Name()`).
/* eslint-disable @typescript-eslint/no-explicit-any -- values the platform hands over untyped */
declare global {
    /** The script step's input variables, by name; the platform hands over Java values, read through String()/Number(). */
    const inputs: { readonly [name: string]: any }
    /** The script step's output variables, by name. */
    const outputs: { [name: string]: unknown }
    /**
     * The platform's class helper for Script Includes: Class.create() gives a constructor that calls
     * its prototype's initialize. What it returns takes the prototype and static fields the include
     * assigns, so it is untyped; the methods' bodies are checked where they are written.
     */
    const Class: { create(): any }
    /** The app's scope: its Script Includes by name, each defined in a script file checked here. */
    const x_kpow_jit: { readonly [scriptInclude: string]: any }
}
export {}
