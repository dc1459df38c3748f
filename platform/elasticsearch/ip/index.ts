export { ipToKey, keyToIp, canonicalIp, cidrToKeyRange } from './keys';
