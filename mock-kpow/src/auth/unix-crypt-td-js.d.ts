// The package ships no types. It exports one CommonJS function: traditional DES crypt(3), taking
// the password and the two-character salt as strings or byte arrays.
declare module 'unix-crypt-td-js' {
    function unixCryptTD(password: string | number[], salt: string | number[]): string
    export default unixCryptTD
}
