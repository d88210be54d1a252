/**
 * The older version of a process that the review suites (review.test.ts, review-host.test.ts) compare with:
 * three roles, a start step that produces the order, a manual pick. Each suite makes its newer version from it.
 */
export const REVIEW_OLD = `bizflow: 1
process:
  name: 订单履约
  owner: director
roles:
  sales: { name: 业务员 }
  warehouse: { name: 仓库主管 }
  director: { name: 运营总监 }
steps:
  s1: { name: 接单, type: start, role: sales, next: pick, produces: [order] }
  pick: { name: 拣货, role: warehouse, attributes: { mode: manual }, needs: [order], next: e1 }
  e1: { name: 完成, type: end }
`;
