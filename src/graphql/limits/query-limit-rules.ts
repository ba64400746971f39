import type { ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit-rule';
import { costLimitRule } from './cost-limit-rule';
import { depthLimitRule } from './depth-limit-rule';
import type { QueryLimits } from './query-limits';

export const queryLimitRules = (limits: QueryLimits): ValidationRule[] => [
  depthLimitRule(limits.maxDepth),
  aliasLimitRule(limits.maxAliases),
  costLimitRule(limits.maxCost, limits.unpagedListLength),
];
