import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace(/^Bearer /, '');
  if (!token) return res.status(401).json({ error: 'missing_token' });
  (req as Request & { user?: unknown }).user = jwt.verify(token, process.env.JWT_PUBLIC_KEY ?? '', { algorithms: ['RS256'] });
  return next();
}
