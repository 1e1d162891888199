import { outgoingEmails } from '../../db/src/schema';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { browserSuite, expectVisible, signIn, withPage } from './browser';
import { expectSpanishOnly, spanishPhone } from './spanish';

// "Forgot password?" from the sign-in page to signing in with the new password. The emailed link is
// read from the stored message (the mail itself: services/worker/src/email.test.ts).
const suite = browserSuite();

const linkFor = async (userId: string) => {
  const rows = (await suite.stack.db.select().from(outgoingEmails)).filter((r) => r.userId === userId && r.template === 'password_reset');
  return `/reset-password?token=${rows[0]!.params.token}`;
};

describe('password reset in the web app', () => {
  it('asks for a link, sets a new password from it, signs in with it, and the link then says it is used', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'password-reset', async (page) => {
      const org = await newOrg(suite.stack.db);
      const user = await newUser(suite.stack.db, { org, role: 'staff' });
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByLabel('Email').fill(user.email);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await expectVisible(page.getByText('If an account has this email'));

      const link = await linkFor(user.id);
      await page.goto(link);
      await page.getByLabel('New password').fill('short');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expectVisible(page.getByText('Use at least 10 characters.'));
      await page.getByLabel('New password').fill('a-fresh-password-2026');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expectVisible(page.getByText('Your password was changed'));
      await page.getByRole('link', { name: 'Sign in' }).click();
      await signIn(page, user.email, 'a-fresh-password-2026');

      await page.goto(link);
      await page.getByLabel('New password').fill('another-password-2026');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expectVisible(page.getByText('This reset link is no longer valid'));
      await expectVisible(page.getByRole('link', { name: 'Ask for a new link' }));
    }));

  it('is all Spanish on a Spanish phone', async () => {
    const { context, page } = await spanishPhone(suite.browser, suite.stack.baseUrl);
    try {
      await page.goto('/sign-in');
      await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
      await expectSpanishOnly(page, 'forgot page');
      await page.getByLabel('Correo electrónico').fill('nadie@test.example');
      await page.getByRole('button', { name: 'Enviarme un enlace' }).click();
      await expectVisible(page.getByText('Si hay una cuenta con este correo'));
      await expectSpanishOnly(page, 'link sent');
      await page.goto('/reset-password?token=not-a-real-token-at-all-000000');
      await expectSpanishOnly(page, 'reset page');
      await page.getByLabel('Contraseña nueva').fill('una-contraseña-nueva');
      await page.getByRole('button', { name: 'Guardar la contraseña nueva' }).click();
      await expectVisible(page.getByText('Este enlace ya no es válido'));
      await expectSpanishOnly(page, 'invalid link');
    } finally {
      await context.close();
    }
  });
});
