import * as vscode from 'vscode';

const SAMPLE = `import express from 'express';
import { prisma } from './db';

const router = express.Router();

// Anyone can delete an order: no auth runs before this handler.
router.delete('/orders/:id', async (req, res) => {
  await prisma.order.delete({ where: { id: req.params.id } });
  res.status(204).end();
});

// Every order ever placed, in one response.
router.get('/reports/orders', async (req, res) => {
  res.json(await prisma.order.findMany({ where: { status: 'paid' } }));
});

// A login nobody rate-limits.
router.post('/login', async (req, res) => {
  res.json(await signIn(req.body.email, req.body.password));
});

export default router;
`;

/** Opens a small sample router with three findings, for the walkthrough. */
export async function openSample(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: SAMPLE });
  await vscode.window.showTextDocument(doc);
}
