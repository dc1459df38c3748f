export { createSecretsCrypto, SecretsDecryptionError, type SecretsCrypto } from './secrets_crypto';
export { deriveKey, loadOrCreateEncryptionKey, MIN_CONFIGURED_KEY_LENGTH, type EncryptionKey } from './encryption_key';
