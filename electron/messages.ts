/**
 * The few texts the main process shows itself (error boxes before or outside the renderer).
 * Always both languages: the main process cannot know which one the operator reads, and these
 * appear when the renderer's language switch is not available.
 */
export interface Bilingual {
  readonly title: string;
  readonly body: string;
}

export const mainMessages = {
  settingsInvalid: (detail: string): Bilingual => ({
    title: 'Vigil — 设置有误 / invalid settings',
    body: `服务器地址设置有误，控制台未启动。\nThe plant server URL setting is invalid; the console did not start.\n\n${detail}`,
  }),
  embeddedFailed: (detail: string, output: string): Bilingual => ({
    title: 'Vigil — 内置厂站服务器未能启动 / embedded plant server failed',
    body: `内置厂站服务器未能启动。\nThe embedded plant server did not start.\n\n${detail}${output ? `\n\n${output}` : ''}`,
  }),
  embeddedStopped: (code: number | null): Bilingual => ({
    title: 'Vigil — 内置厂站服务器已停止 / embedded plant server stopped',
    body: `内置厂站服务器意外停止（退出码 ${code ?? '无'}），显示的数据将变为过期。请重启 Vigil。\nThe embedded plant server stopped unexpectedly (exit code ${code ?? 'none'}); values on screen will turn stale. Restart Vigil.`,
  }),
} as const;
