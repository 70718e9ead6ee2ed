import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

describe("hashPassword / verifyPassword", () => {
  it("stores scrypt parameters, salt and hash — never the password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(stored).not.toContain("correct horse battery");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("비밀번호-테스트-1234");
    expect(await verifyPassword("비밀번호-테스트-1234", stored)).toBe(true);
    expect(await verifyPassword("비밀번호-테스트-1235", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("matches a Korean password typed in composed or decomposed form", async () => {
    const composed = "한글암호입니다".normalize("NFC");
    const stored = await hashPassword(composed);
    expect(await verifyPassword(composed.normalize("NFD"), stored)).toBe(true);
  });

  it("salts every hash: the same password hashes differently", async () => {
    const hashes = await Promise.all(Array.from({ length: 3 }, () => hashPassword("same password")));
    const salts = hashes.map((h) => h.split("$")[4]);
    expect(new Set(hashes).size).toBe(3);
    expect(new Set(salts).size).toBe(3);
  });

  it("refuses tampered or malformed hashes instead of throwing", async () => {
    const stored = await hashPassword("password123");
    const parts = stored.split("$");
    const flipFirstChar = (s: string) => (s.startsWith("A") ? "B" : "A") + s.slice(1);
    const tampered = [
      [...parts.slice(0, 5), flipFirstChar(parts[5]!)].join("$"), // hash changed
      [...parts.slice(0, 4), flipFirstChar(parts[4]!), parts[5]].join("$"), // salt changed
      ["scrypt", "16384", ...parts.slice(2)].join("$"), // cost lowered
      ["scrypt", "1073741824", ...parts.slice(2)].join("$"), // absurd cost: refused, not computed
      ["scrypt", "30000", ...parts.slice(2)].join("$"), // N not a power of two
      ["bcrypt", ...parts.slice(1)].join("$"),
      parts.slice(0, 5).join("$"),
      "",
      "password123",
    ];
    for (const bad of tampered) {
      expect(await verifyPassword("password123", bad), bad).toBe(false);
    }
  });

  it("spends a verification on unknown accounts and always answers false", async () => {
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
