import { CliError } from "./cli-error.ts";

export function targetNotEmpty(): CliError {
  return new CliError("TARGET_NOT_EMPTY", "目标数据库已有数据，恢复将覆盖全部数据；确认后加 --force 重试");
}

export function serverRunning(): CliError {
  return new CliError("SERVER_RUNNING", "仍有落实服务在使用该数据库，请先停止服务再恢复（备份可在服务运行中进行）");
}
