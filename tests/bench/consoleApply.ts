export async function runConsoleApply(_o: { tags: number; frames: number }): Promise<Record<string, unknown>[]> { return []; }
