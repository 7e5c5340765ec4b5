/** CIDR checks as strict as Python's `ip_network` (host bits must be zero), which pySigma uses. */

function ipv4Bits(text: string): bigint | null {
  const groups = text.split(".");
  if (groups.length !== 4 || groups.some((g) => !/^(0|[1-9][0-9]{0,2})$/.test(g) || Number(g) > 255)) return null;
  return groups.reduce((acc, g) => (acc << 8n) | BigInt(g), 0n);
}

function hextets(text: string): bigint[] | null {
  if (text === "") return [];
  const groups = text.split(":");
  const last = groups.at(-1)!;
  const tail = last.includes(".") ? ipv4Bits(last) : undefined;
  if (tail === null) return null;
  const hex = tail === undefined ? groups : groups.slice(0, -1);
  if (hex.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const values = hex.map((g) => BigInt(`0x${g}`));
  return tail === undefined ? values : [...values, tail >> 16n, tail & 0xffffn];
}

function ipv6Bits(text: string): bigint | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = hextets(halves[0]!);
  const tail = halves.length === 2 ? hextets(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<bigint>(missing).fill(0n), ...tail].reduce((acc, h) => (acc << 16n) | h, 0n);
}

/** Why `text` is not a network in CIDR notation, or null. */
export function cidrProblem(text: string): string | null {
  const [address = "", prefix, ...rest] = text.split("/");
  const v6 = address.includes(":");
  const bits = v6 ? ipv6Bits(address) : ipv4Bits(address);
  const width = v6 ? 128 : 32;
  if (bits === null || rest.length > 0) return `'${text}' is not an IPv4 or IPv6 network`;
  if (prefix === undefined) return null;
  if (!/^[0-9]{1,3}$/.test(prefix) || Number(prefix) > width) return `'/${prefix}' is not a prefix length for IPv${v6 ? 6 : 4}`;
  const hostBits = BigInt(width - Number(prefix));
  return bits & ((1n << hostBits) - 1n) ? `'${text}' has host bits set (did you mean the network address?)` : null;
}
