// Restaking, the AVS registry and cross-slashing seen from a client: an operator registers,
// an AVS registers and the operator joins and allocates, a delegator restakes stBST, the
// restaking_*, avs_* and slashing_* JSON-RPC methods describe it all, and a requested slash
// shows up as pending with its executable block.
import { connect, assert, send, runSteps } from './lib.mjs';

const UNIT = 10n ** 12n;

// Bastion's JSON-RPC methods answer plain JSON: read it as such.
const rpc = (api, method, ...params) => api._rpcCore.provider.send(method, params);

export async function restaking(url) {
  const { api, keyring } = await connect(url);
  const [eve, ferdie, dave] = ['//Eve', '//Ferdie', '//Dave'].map((u) => keyring.addFromUri(u));
  const stbst = { WithId: (await api.consts.liquidStaking.stakedAssetId).toNumber() };
  let avsId;
  let slashId;

  const ok = await runSteps('restaking', [
    ['an operator registers', async () => {
      await send(api, api.tx.restaking.registerOperator('0x6f70', 100_000_000), eve);
      const info = await rpc(api, 'restaking_operator', eve.address);
      assert(info && info.commission === 100_000_000, `operator ${JSON.stringify(info)}`);
    }],
    ['an AVS registers and the operator joins and allocates', async () => {
      avsId = (await api.query.avsRegistry.nextAvsId()).toNumber();
      const withdrawalDelay = api.consts.restaking.withdrawalDelay.toNumber();
      const config = {
        slasher: ferdie.address,
        veto: { Council: null },
        maxSlashPerIncident: 100_000_000,
        slashWindow: withdrawalDelay,
        vetoWindow: 5,
        acceptedAssets: [stbst],
        minOperatorStake: 0,
        maxOperators: 8,
        membership: 'Open',
        destination: 'Burn',
        nativeCoupling: null,
      };
      await send(api, api.tx.avsRegistry.registerAvs('0x61', config), ferdie);
      await send(api, api.tx.avsRegistry.optIn(avsId), eve);
      await send(api, api.tx.restaking.allocate(avsId, stbst, 1_000_000_000), eve);
      const list = await rpc(api, 'avs_list', 0, 10);
      assert(list.some((a) => a.id === avsId && a.operatorCount === 1), `avs_list ${JSON.stringify(list)}`);
    }],
    ['a delegator restakes stBST', async () => {
      await send(api, api.tx.liquidStaking.mint(500n * UNIT), dave);
      await send(api, api.tx.restaking.delegate(eve.address, stbst, 100n * UNIT), dave);
      const positions = await rpc(api, 'restaking_positions', dave.address);
      assert(positions.length === 1 && BigInt(positions[0].value) === 100n * UNIT, `positions ${JSON.stringify(positions)}`);
      assert(typeof positions[0].value === 'string', 'amounts are strings');
    }],
    ['the allocation counts after the allocation delay (one era)', async () => {
      const started = Date.now();
      for (;;) {
        const info = await rpc(api, 'restaking_operator', eve.address);
        const pool = info.pools.find((p) => p.asset.WithId === stbst.WithId);
        const allocation = pool && pool.allocations.find((a) => a[0] === avsId);
        if (allocation && allocation[1] === 1_000_000_000) break;
        if (Date.now() - started > 6 * 60_000) throw new Error(`allocation not in effect: ${JSON.stringify(info)}`);
        await new Promise((r) => setTimeout(r, 3000));
      }
    }],
    ['a requested slash is pending until its veto window ends', async () => {
      slashId = (await api.query.crossSlashing.nextSlashId()).toNumber();
      const now = (await api.rpc.chain.getHeader()).number.toNumber();
      await send(api, api.tx.crossSlashing.requestSlash(avsId, eve.address, 50_000_000, '0x0102', now), ferdie);
      const pending = await rpc(api, 'slashing_pending', eve.address);
      assert(pending.length === 1 && pending[0].id === slashId, `pending ${JSON.stringify(pending)}`);
      assert(pending[0].executableAt > now, 'executable after the veto window');
      const preview = await rpc(api, 'slashing_preview', avsId, eve.address, 50_000_000);
      assert(preview && preview.length === 1, `preview ${JSON.stringify(preview)}`);
      const operator = await rpc(api, 'restaking_operator', eve.address);
      assert(operator.frozen === 1, 'the operator is frozen while a slash is pending');
    }],
  ]);
  await api.disconnect();
  return ok;
}
