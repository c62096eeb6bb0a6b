import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto"

/** The key that signs the store's chains: kept outside the database; its public part is recorded in it. */
export interface SigningKey {
  readonly keyId: string
  readonly privateKey: KeyObject
  readonly publicKeyPem: string
}

/** A public key verify may trust, with the id signatures name it by. */
export interface TrustedKey {
  readonly keyId: string
  readonly publicKey: KeyObject
}

/** `ed25519:` and the first 16 hex digits of the SHA-256 of the public key (SPKI DER): the id names the key itself. */
export const keyIdOf = (publicKey: KeyObject): string =>
  `ed25519:${createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16)}`

const publicPemOf = (publicKey: KeyObject) => String(publicKey.export({ type: "spki", format: "pem" }))

/** Reads an Ed25519 private key in PEM (PKCS #8); throws an Error saying what is wrong otherwise. */
export const signingKeyFromPem = (pem: string): SigningKey => {
  const privateKey = createPrivateKey(pem)
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`it is a ${privateKey.asymmetricKeyType ?? "symmetric"} key, not an Ed25519 private key`)
  }
  const publicKey = createPublicKey(privateKey)
  return { keyId: keyIdOf(publicKey), privateKey, publicKeyPem: publicPemOf(publicKey) }
}

/** A new Ed25519 private key in PEM (PKCS #8). */
export const generateSigningKeyPem = (): string =>
  String(generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }))

/** Every Ed25519 public key in a PEM text (one or more `PUBLIC KEY` blocks). */
export const trustedKeysFromPem = (pem: string): ReadonlyArray<TrustedKey> =>
  [...pem.matchAll(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g)].map(([block]) => {
    const publicKey = createPublicKey(block)
    if (publicKey.asymmetricKeyType !== "ed25519") throw new Error(`a ${publicKey.asymmetricKeyType} key is not an Ed25519 public key`)
    return { keyId: keyIdOf(publicKey), publicKey }
  })

export const trustedKeyOf = (key: SigningKey): TrustedKey => ({ keyId: key.keyId, publicKey: createPublicKey(key.privateKey) })

/** Base64 Ed25519 signature of a UTF-8 message. */
export const signText = (key: SigningKey, message: string): string => sign(null, Buffer.from(message), key.privateKey).toString("base64")

export const verifyText = (publicKey: KeyObject, message: string, signature: string): boolean => {
  try {
    return verify(null, Buffer.from(message), publicKey, Buffer.from(signature, "base64"))
  } catch {
    return false
  }
}
