// A content hash for "has this text been audited already?" checks.

/**
 * Hex SHA-256 of `value` (Web Crypto, in browsers' secure contexts and Node);
 * elsewhere (a plain-http page) a 64-bit FNV-1a, enough to tell one draft
 * from the next.
 * @param {string} value
 * @returns {Promise<string>}
 */
export async function contentHash(value) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (subtle) {
    const digest = await subtle.digest("SHA-256", new TextEncoder().encode(value));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return fnv1a64(value);
}

/** FNV-1a over the UTF-16 units, 64 bits (BigInt), as 16 hex digits. */
export function fnv1a64(value) {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < value.length; i++) {
    h ^= BigInt(value.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return "fnv-" + h.toString(16).padStart(16, "0");
}
