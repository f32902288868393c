import { Router } from 'express'
import {
  AddDelegationRequest,
  CreateDelegationRequest,
  CreateNegotiationRequest,
  CreateUserRequest,
  ResetPasswordRequest,
  SetRoleRequest,
  type UserSummary,
} from '../../shared/accountsApi.ts'
import { createNegotiation } from '../commands/createNegotiation.ts'
import { createUser, resetPassword, setRole, setUserActive } from '../commands/manageUsers.ts'
import type { AppContext } from '../context.ts'
import { badRequest, notFound } from '../errors.ts'
import { authorize } from '../policies/authorize.ts'
import { mayManage } from '../policies/negotiation.ts'
import { actorOf } from './middleware.ts'
import { parseBody } from './parseBody.ts'

/** The secretariat console: negotiations, delegations, users and roles. */
export function adminRoutes(context: AppContext): Router {
  const router = Router()

  const secretariat = (response: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(response)
    authorize(actor, mayManage, null, 'Only the secretariat manages accounts and negotiations.')
    return actor
  }
  const userIdParam = (raw: string) => {
    const id = Number(raw)
    if (!Number.isSafeInteger(id) || id <= 0) throw badRequest('Invalid user id.')
    return id
  }

  router.get('/users', async (_request, response) => {
    secretariat(response)
    const users = await context.users.list()
    const body: UserSummary[] = await Promise.all(
      users.map(async (user) => ({
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        delegation: user.delegation,
        isSecretariat: user.isSecretariat,
        isActive: user.isActive,
        roles: await context.users.roles(user.id),
      })),
    )
    response.json({ users: body })
  })

  router.post('/users', async (request, response) => {
    const actor = secretariat(response)
    const body = parseBody(CreateUserRequest, request.body)
    const id = await createUser({ context, actor, ...body })
    response.status(201).json({ id })
  })

  router.post('/users/:id/password', async (request, response) => {
    const actor = secretariat(response)
    const { password } = parseBody(ResetPasswordRequest, request.body)
    await resetPassword({ context, actor, userId: userIdParam(request.params.id), password })
    response.status(204).end()
  })

  for (const [path, isActive] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    router.post(`/users/:id/${path}`, async (request, response) => {
      const actor = secretariat(response)
      await setUserActive({ context, actor, userId: userIdParam(request.params.id), isActive })
      response.status(204).end()
    })
  }

  router.get('/delegations', async (_request, response) => {
    actorOf(response)
    response.json({ delegations: await context.negotiations.listDelegations() })
  })

  router.post('/delegations', async (request, response) => {
    const actor = secretariat(response)
    const delegation = parseBody(CreateDelegationRequest, request.body)
    await context.negotiations.saveDelegation(delegation)
    await context.audit.record({
      negotiationId: null,
      actor,
      action: 'delegation.saved',
      details: delegation,
    })
    response.status(201).json(delegation)
  })

  router.post('/negotiations', async (request, response) => {
    const actor = secretariat(response)
    const body = parseBody(CreateNegotiationRequest, request.body)
    await createNegotiation({ context, actor, ...body })
    await context.users.setRole(actor.userId, body.id, 'secretariat')
    response.status(201).json(await context.negotiations.find(body.id))
  })

  router.post('/negotiations/:nid/delegations', async (request, response) => {
    const actor = secretariat(response)
    const negotiation = await context.negotiations.find(request.params.nid)
    if (!negotiation) throw notFound('No such negotiation.')
    const { code, standing } = parseBody(AddDelegationRequest, request.body)
    if (!(await context.negotiations.findDelegation(code)))
      throw badRequest(`No delegation ${code}.`, 'unknown_delegation')
    await context.negotiations.seatDelegation(negotiation.id, code, standing)
    await context.audit.record({
      negotiationId: negotiation.id,
      actor,
      action: 'delegation.seated',
      details: { code, standing },
    })
    response.status(204).end()
  })

  router.put('/negotiations/:nid/roles/:userId', async (request, response) => {
    const actor = secretariat(response)
    const negotiation = await context.negotiations.find(request.params.nid)
    if (!negotiation) throw notFound('No such negotiation.')
    const { role } = parseBody(SetRoleRequest, request.body)
    await setRole({
      context,
      actor,
      userId: userIdParam(request.params.userId),
      negotiationId: negotiation.id,
      role,
    })
    response.status(204).end()
  })

  return router
}
