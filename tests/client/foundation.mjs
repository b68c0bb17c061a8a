// The chain foundation seen from a client: metadata, a BST transfer, bonding and
// nominating through staking, and finality advancing.
import { connect, assert, send, waitForFinalized, runSteps } from './lib.mjs';

export async function foundation(url) {
  const { api, keyring } = await connect(url);
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const receiver = keyring.addFromUri(`//Receiver/${Date.now()}`);
  const UNIT = 10n ** 12n;

  const ok = await runSteps('foundation', [
    ['metadata names the runtime and its pallets', async () => {
      const version = api.runtimeVersion;
      assert(version.specName.toString() === 'bastion', `spec name ${version.specName}`);
      for (const pallet of ['system', 'balances', 'babe', 'grandpa', 'session', 'staking',
        'offences', 'assets', 'utility', 'proxy', 'multisig', 'sudo', 'transactionPayment']) {
        assert(api.tx[pallet] || api.query[pallet], `pallet ${pallet} missing from metadata`);
      }
      const props = await api.rpc.system.properties();
      assert(props.tokenSymbol.unwrap()[0].toString() === 'BST', 'token symbol BST');
      assert(props.tokenDecimals.unwrap()[0].toNumber() === 12, '12 decimals');
      const methods = (await api.rpc.rpc.methods()).methods.map((m) => m.toString());
      for (const m of ['system_accountNextIndex', 'payment_queryInfo', 'babe_epochAuthorship',
        'grandpa_roundState']) {
        assert(methods.includes(m), `rpc method ${m}`);
      }
    }],
    ['a BST transfer lands', async () => {
      const amount = 12n * UNIT;
      const before = (await api.query.system.account(receiver.address)).data.free.toBigInt();
      const { events } = await send(api, api.tx.balances.transferKeepAlive(receiver.address, amount), alice);
      assert(events.some(({ event }) => api.events.balances.Transfer.is(event)), 'Transfer event');
      const after = (await api.query.system.account(receiver.address)).data.free.toBigInt();
      assert(after - before === amount, `received ${after - before}, sent ${amount}`);
    }],
    ['bond and nominate through staking', async () => {
      const bond = 1000n * UNIT;
      await send(api, api.tx.staking.bond(bond, 'Staked'), bob);
      const ledger = (await api.query.staking.ledger(bob.address)).unwrap();
      assert(ledger.active.toBigInt() === bond, `bonded ${ledger.active}`);
      await send(api, api.tx.staking.nominate([alice.address]), bob);
      const nominations = (await api.query.staking.nominators(bob.address)).unwrap();
      assert(nominations.targets.map((t) => t.toString()).includes(alice.address), 'nominates Alice');
    }],
    ['finality advances', async () => {
      const start = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
      const header = await waitForFinalized(api, (h) => h.number.toNumber() >= start + 2, 60_000);
      assert(header.number.toNumber() >= start + 2, 'finalized two more blocks');
    }],
  ]);
  await api.disconnect();
  return ok;
}
