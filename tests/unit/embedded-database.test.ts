// Which port a checkout's cluster prefers, and whether PostgreSQL's own user can reach a folder: the
// pure rules behind "one checkout, one database" and "root in a private folder".
import { describe, expect, it } from "vitest";
import { checkoutId, embeddedPortFor } from "@/lib/embedded-database";
import { firstUnenterable } from "../../scripts/lib/postgres-place";

describe("embeddedPortFor", () => {
  it("is stable for a checkout and differs between checkouts side by side", () => {
    expect(embeddedPortFor("/home/ana/shop")).toBe(embeddedPortFor("/home/ana/shop/"));
    expect(embeddedPortFor("/home/ana/shop")).not.toBe(embeddedPortFor("/home/ana/shop-2"));
    expect(checkoutId("/home/ana/shop")).not.toBe(checkoutId("/home/ana/shop-2"));
  });

  it("stays below every OS's ephemeral port range", () => {
    for (const dir of ["/a", "/b/c", "/root/work/shop", "C:\\Users\\ana\\shop", "/tmp/tmp.x8Y2"]) {
      const port = embeddedPortFor(dir);
      expect(port).toBeGreaterThanOrEqual(24330);
      expect(port).toBeLessThan(25330);
    }
  });

  it("treats Windows paths case-insensitively", () => {
    expect(embeddedPortFor("C:\\Users\\Ana\\Shop", "win32")).toBe(embeddedPortFor("c:\\users\\ana\\shop", "win32"));
    expect(embeddedPortFor("/Users/Ana/Shop", "darwin")).not.toBe(embeddedPortFor("/users/ana/shop", "darwin"));
  });
});

describe("firstUnenterable", () => {
  const postgres = { uid: 101, gids: [104] };
  const tree: Record<string, { uid: number; gid: number; mode: number }> = {
    "/": { uid: 0, gid: 0, mode: 0o755 },
    "/tmp": { uid: 0, gid: 0, mode: 0o1777 },
    "/tmp/tmp.abc": { uid: 0, gid: 0, mode: 0o700 },
    "/tmp/tmp.abc/shop": { uid: 0, gid: 0, mode: 0o755 },
    "/root": { uid: 0, gid: 0, mode: 0o700 },
    "/srv": { uid: 0, gid: 104, mode: 0o750 },
    "/srv/shop": { uid: 0, gid: 0, mode: 0o755 },
    "/home": { uid: 0, gid: 0, mode: 0o755 },
    "/home/pg": { uid: 101, gid: 0, mode: 0o700 },
  };
  const stat = (p: string) => {
    const entry = tree[p];
    if (!entry) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    return entry;
  };

  it.each([
    ["/tmp/tmp.abc/shop/.data/postgres", "/tmp/tmp.abc"],
    ["/root/shop", "/root"],
    ["/srv/shop/.data", null], // group member
    ["/home/pg/shop", null], // owner
    ["/tmp/elsewhere/data", null], // not created yet: its parent decides
  ])("%s → %s", (target, blocked) => {
    expect(firstUnenterable(target, postgres, stat)).toBe(blocked);
  });
});
