export { decodeLatin1, parseJavaProperties, readPropertiesFile } from './java-properties'
export {
    cryptCredential,
    deobfuscate,
    describeCredentialProblem,
    md5Credential,
    obfuscate,
    revealObfuscated,
    verifyJettyCredential,
} from './jetty-credential'
export { loadRealmFile, parseRealm } from './realm'
export type { AuthenticatedUser, Realm } from './realm'
export { PROPERTY_FILE_LOGIN_MODULE, parseJaasConfig, readJaasConfigFile, realmFileFor } from './jaas'
export type { JaasConfig, JaasEntry, LoginModuleConfig, LoginModuleFlag } from './jaas'
export { authenticateBasic } from './basic-auth'
export { cachedBasicAuthenticator } from './verified-credentials-cache'
export type { BasicAuthenticator } from './verified-credentials-cache'
