import { expect, test } from '@playwright/test';
import { rm } from 'node:fs/promises';
import { waitLive } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * A console that is not the plant's own (here: local sessions switched off) must sign in: the
 * form is bilingual, a wrong password is refused visibly, the right one brings the plant live.
 */
test('a remote console signs in before it sees the plant', async ({ page }) => {
  const dataDir = await PlantServer.tempDir();
  await PlantServer.addUser(dataDir, 'li.wei', 'shift_lead', 'night-shift-2024');
  const server = await PlantServer.start({ dataDir, args: ['--no-local-session'] });
  try {
    await page.goto(server.url);
    const form = page.getByTestId('sign-in');
    await expect(form).toBeVisible();
    await expect(form).toContainText('登录装置服务器');
    await form.getByTestId('lang-en').click();
    await expect(form).toContainText('Sign in to the plant server');

    await form.getByLabel('User name').fill('li.wei');
    await form.getByLabel('Password').fill('wrong-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form).toContainText('Sign-in failed');

    await form.getByLabel('Password').fill('night-shift-2024');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await waitLive(page);
    await expect(form).toBeHidden();
    await expect(page.locator('.user')).toContainText('li.wei · Shift lead');
  } finally {
    await server.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
});
