/**
 * Outgoing email (docs/decisions/0018-email.md). Modules queue a message with `emailOutbox.queue`
 * inside the transaction of the change that causes it (an invitation, a reset request); in-app
 * notifications of an emailable kind become emails by a trigger (migration email_jobs). The worker
 * (services/worker, task `send-email`) renders and sends each one through SMTP.
 */
export { emailRepo as emailOutbox } from './repo';
export { createMailTransport, sendQueuedEmail, type EmailOptions } from './send';
export { renderEmail } from './templates';
