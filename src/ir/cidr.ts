/** IPv4 and IPv6 addresses as numbers, so CIDR membership is arithmetic, not text. */
export interface Address {
  readonly bits: 32 | 128;
  readonly value: bigint;
}

export interface Network {
  readonly bits: 32 | 128;
  readonly prefix: number;
  readonly base: bigint;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function parseAddress(text: string): Address | null {
  const t = text.trim();
  const v4 = parseV4(t);
  if (v4 !== null) return { bits: 32, value: v4 };
  const v6 = parseV6(t.replace(/%.*$/, ""));
  if (v6 === null) return null;
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is that IPv4 address.
  if (v6 >> 32n === 0xffffn) return { bits: 32, value: v6 & 0xffffffffn };
  return { bits: 128, value: v6 };
}

/** `10.0.0.0/8`, `fe80::/10`, or a bare address (a /32 or /128). Host bits may be set: they are ignored. */
export function parseNetwork(text: string): Network | null {
  const [addr, len, extra] = text.trim().split("/");
  if (addr === undefined || extra !== undefined) return null;
  const a = parseAddress(addr);
  if (!a) return null;
  const prefix = len === undefined ? a.bits : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(prefix >= 0 && prefix <= a.bits)) return null;
  return { bits: a.bits, prefix, base: a.value >> BigInt(a.bits - prefix) };
}

export function inNetwork(a: Address, n: Network): boolean {
  return a.bits === n.bits && a.value >> BigInt(n.bits - n.prefix) === n.base;
}

/** Whether text is written as a CIDR network (an address, a slash and a prefix length). */
export function looksLikeCidr(text: string): boolean {
  return /^[0-9a-fA-F:.]+\/\d{1,3}$/.test(text) && parseNetwork(text) !== null;
}

function parseV4(t: string): bigint | null {
  const m = V4.exec(t);
  if (!m) return null;
  let v = 0n;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    v = (v << 8n) | BigInt(octet);
  }
  return v;
}

function parseV6(t: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(t) || !t.includes(":")) return null;
  const halves = t.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === "") return [];
    const out: number[] = [];
    const parts = s.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseV4(p);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}
