// @vitest-environment node
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sealedAsV1 } from "@/tests/support/legacy-seal";
import { decryptField, deriveKeys, encryptField, hashIp, keyIdOf, parseKey, resealField, sealedKeyId } from "@/lib/appointments/crypto";

const key = randomBytes(32);
const keyring = deriveKeys(key).encryption;

describe("field encryption", () => {
  it("round-trips text, including accents and emoji, and never repeats a ciphertext", () => {
    const text = "José Núñez 👋";
    const first = encryptField(keyring, text, "record-1");
    const second = encryptField(keyring, text, "record-1");
    expect(first).not.toBe(second);
    expect(first).not.toContain("José");
    expect(decryptField(keyring, first, "record-1")).toBe(text);
  });

  it("names the sealing key in every value: v2.<key id>.<iv>.<ciphertext>.<tag>", () => {
    const sealed = encryptField(keyring, "Jane Doe", "record-1");
    expect(sealed.split(".")).toHaveLength(5);
    expect(sealed.startsWith(`v2.${keyIdOf(key)}.`)).toBe(true);
    expect(sealedKeyId(sealed)).toBe(keyIdOf(key));
    expect(keyIdOf(key)).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(keyIdOf(key)).not.toBe(keyIdOf(randomBytes(32)));
  });

  it("detects a changed ciphertext, a value moved to another record and a wrong key", () => {
    const sealed = encryptField(keyring, "Jane Doe", "record-1");
    const [version, id, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64");
    flipped[0]! ^= 1;
    expect(() => decryptField(keyring, [version, id, iv, flipped.toString("base64"), tag].join("."), "record-1")).toThrow(
      "Record record-1: an encrypted field could not be decrypted (wrong key, or the data was altered)",
    );
    expect(() => decryptField(keyring, sealed, "record-2")).toThrow("could not be decrypted");
    // Another key under this key's id: the id picks the key, the tag still refuses it.
    const impostor = deriveKeys(randomBytes(32)).encryption;
    const relabelled = { current: { id: keyring.current.id, key: impostor.current.key }, byId: new Map([[keyring.current.id, impostor.current.key]]) };
    expect(() => decryptField(relabelled, sealed, "record-1")).toThrow("could not be decrypted");
    expect(() => decryptField(keyring, "garbage", "record-1")).toThrow("not in the expected format");
    expect(() => decryptField(keyring, "v2.abc.def", "record-1")).toThrow("not in the expected format");
  });

  it("says which key is missing when a value was sealed with a key that is not given", () => {
    const oldKey = randomBytes(32);
    const sealed = encryptField(deriveKeys(oldKey).encryption, "Jane Doe", "record-1");
    expect(() => decryptField(keyring, sealed, "record-1")).toThrow(
      `Record record-1: an encrypted field was sealed with key ${keyIdOf(oldKey)}, which is not among the keys given (${keyIdOf(key)}). ` +
        "Add that key to APPOINTMENTS_KEYS, after the current one.",
    );
  });
});

describe("two keys: the current one seals, both open", () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const both = deriveKeys([newKey, oldKey]).encryption;

  it("seals with the first (current) key and opens what either key sealed", () => {
    const underOld = encryptField(deriveKeys(oldKey).encryption, "Old Patient", "record-1");
    const underNew = encryptField(both, "New Patient", "record-2");
    expect(sealedKeyId(underNew)).toBe(keyIdOf(newKey));
    expect(decryptField(both, underOld, "record-1")).toBe("Old Patient");
    expect(decryptField(both, underNew, "record-2")).toBe("New Patient");
    expect(() => decryptField(deriveKeys(oldKey).encryption, underNew, "record-2")).toThrow(/sealed with key/);
  });

  it("still reads values sealed before key ids (v1), whichever of the keys sealed them", () => {
    expect(decryptField(both, sealedAsV1(oldKey, "Legacy Old", "r1"), "r1")).toBe("Legacy Old");
    expect(decryptField(both, sealedAsV1(newKey, "Legacy New", "r2"), "r2")).toBe("Legacy New");
    expect(() => decryptField(both, sealedAsV1(randomBytes(32), "Lost", "r3"), "r3")).toThrow("could not be decrypted");
  });

  it("re-seals under the current key only what another key (or no key id) sealed", () => {
    const underOld = encryptField(deriveKeys(oldKey).encryption, "Old Patient", "record-1");
    const resealed = resealField(both, underOld, "record-1")!;
    expect(sealedKeyId(resealed)).toBe(keyIdOf(newKey));
    expect(decryptField(deriveKeys(newKey).encryption, resealed, "record-1")).toBe("Old Patient");
    expect(resealField(both, resealed, "record-1")).toBeUndefined();
    expect(sealedKeyId(resealField(both, sealedAsV1(newKey, "Legacy", "r2"), "r2")!)).toBe(keyIdOf(newKey));
  });

  it("hashes IP addresses and fingerprints with the current key, as a single key would", () => {
    expect(deriveKeys([newKey, oldKey]).ipHash).toEqual(deriveKeys(newKey).ipHash);
    expect(deriveKeys([newKey, oldKey]).fingerprint).toEqual(deriveKeys(newKey).fingerprint);
  });
});

describe("keys", () => {
  it("reads 32-byte keys as base64 or hex and explains a wrong one", () => {
    expect(parseKey(key.toString("base64"))).toEqual(key);
    expect(parseKey(key.toString("hex"))).toEqual(key);
    expect(() => parseKey("too-short")).toThrow(/APPOINTMENTS_KEY must be 32 random bytes/);
  });

  it("derives separate keys for encryption and IP hashing, and hashes IPs without revealing them", () => {
    const { encryption, ipHash } = deriveKeys(key);
    expect(encryption.current.key.equals(ipHash)).toBe(false);
    expect(hashIp(ipHash, "203.0.113.7")).toBe(hashIp(ipHash, "203.0.113.7"));
    expect(hashIp(ipHash, "203.0.113.7")).not.toContain("203");
    expect(hashIp(ipHash, "203.0.113.7")).not.toBe(hashIp(ipHash, "203.0.113.8"));
  });
});
