import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP-recommended minimum (19 MiB, t=2, p=1), the library default.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * 等保2.0 三级 asks for complex passwords: at least 10 characters from at least three of upper case, lower case,
 * digits and symbols, and not the user name. Returns the Chinese reason it fails, or undefined.
 */
export function passwordPolicyViolation(password: string, username: string): string | undefined {
  if (password.length < 10) return "密码至少 10 位";
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
  if (password.toLowerCase().includes(username.toLowerCase())) return "密码不能包含用户名";
  return undefined;
}
