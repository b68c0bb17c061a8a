// Liquid staking seen from a client, on a fast-runtime dev node (30-block eras, 2-era
// bonding): mint stBST, redeem part of it at once, watch the rate rise as the pallet claims
// staking rewards by itself, claim the request once it unlocks, redeem the rest.
import { connect, assert, send, runSteps } from './lib.mjs';

const UNIT = 10n ** 12n;

async function waitFor(api, what, predicate, timeoutMs) {
  const started = Date.now();
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

export async function liquidStaking(url) {
  const { api, keyring } = await connect(url);
  const charlie = keyring.addFromUri('//Charlie');
  const stbstId = (await api.consts.liquidStaking.stakedAssetId).toNumber();
  const stbst = async (who) => {
    const account = await api.query.assets.account(stbstId, who);
    return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
  };
  const rate = async () => Number(await api.rpc.liquidStaking.rate());
  let firstRequest;
  let startRate;

  const ok = await runSteps('liquid staking', [
    ['the runtime API and RPC describe the pool', async () => {
      const summary = (await api.rpc.liquidStaking.poolSummary()).toJSON();
      assert(BigInt(summary.supply.toString()) > 0n, 'dead shares exist');
      startRate = await rate();
      assert(startRate >= 1, `rate ${startRate}`);
      const viaApi = await api.call.liquidStakingApi.rate();
      assert(viaApi.toString().length > 0, 'LiquidStakingApi is in the metadata');
    }],
    ['mint stBST at the rate', async () => {
      const { events } = await send(api, api.tx.liquidStaking.mint(2000n * UNIT), charlie);
      assert(events.some(({ event }) => api.events.liquidStaking.Minted.is(event)), 'Minted event');
      assert(await stbst(charlie.address) > 0n, 'stBST received');
    }],
    ['redeem part at once: an unlock request', async () => {
      const shares = (await stbst(charlie.address)) / 4n;
      await send(api, api.tx.liquidStaking.redeem(shares), charlie);
      const requests = (await api.rpc.liquidStaking.unlockRequests(charlie.address)).toJSON();
      assert(requests.length === 1, `${requests.length} requests`);
      firstRequest = requests[0];
      assert(BigInt(firstRequest.value) > 0n, 'the request has a value');
      assert(firstRequest.claimable === false, 'not claimable yet');
    }],
    ['rewards raise the rate without any bot (a few eras)', async () => {
      const risen = await waitFor(api, 'the rate to rise', async () => (await rate()) > startRate, 15 * 60_000);
      assert(risen, 'rate rose');
    }],
    ['claim the request once it unlocks', async () => {
      const id = Number(firstRequest.id);
      await waitFor(api, 'the request to unlock', async () => {
        const requests = (await api.rpc.liquidStaking.unlockRequests(charlie.address)).toJSON();
        return requests.some((r) => Number(r.id) === id && r.claimable === true);
      }, 15 * 60_000);
      const before = (await api.query.system.account(charlie.address)).data.free.toBigInt();
      const { events } = await send(api, api.tx.liquidStaking.claim([id]), charlie);
      assert(events.some(({ event }) => api.events.liquidStaking.Claimed.is(event)), 'Claimed event');
      const after = (await api.query.system.account(charlie.address)).data.free.toBigInt();
      assert(after > before, 'BST paid');
    }],
    ['redeem the rest at the risen rate', async () => {
      const shares = await stbst(charlie.address);
      const value = BigInt((await api.rpc.liquidStaking.valueOf(shares.toString())).toString());
      assert(value > shares, `value ${value} above the shares ${shares}`);
      await send(api, api.tx.liquidStaking.redeem(shares), charlie);
      assert(await stbst(charlie.address) === 0n, 'all redeemed');
    }],
  ]);
  await api.disconnect();
  return ok;
}
