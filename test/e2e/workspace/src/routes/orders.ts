import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { prisma } from '../db';

const router = Router();

router.get('/orders/mine', requireAuth, async (req, res) => {
  const orders = await prisma.order.findMany({ where: { customerId: req.user.id }, take: 50 });
  res.json(orders);
});

// Anyone can delete an order: no auth runs before this handler.
router.delete('/orders/:id', async (req, res) => {
  await prisma.order.delete({ where: { id: req.params.id } });
  res.status(204).end();
});

router.get('/reports/paid', requireAuth, async (req, res) => {
  res.json(await prisma.order.findMany({ where: { status: 'paid' } }));
});

export default router;
