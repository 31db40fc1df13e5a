/**
 * The server's password rule (等保2.0 三级), repeated here only to give feedback before submitting; the server
 * decides. Keep the hint text and the check in step with apps/server/src/modules/auth/password.ts.
 */
export const PASSWORD_POLICY_HINT = "至少 10 位，且包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名。";

export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < 10) return "密码至少 10 位";
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
  if (username && password.toLowerCase().includes(username.toLowerCase())) return "密码不能包含用户名";
  return undefined;
}
