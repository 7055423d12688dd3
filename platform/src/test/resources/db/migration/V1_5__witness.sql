-- A table with sealed personal data (pii.ResealerTest): its id_number column is declared sealed by
-- testapp.Witnesses, with its lookup column.
create table test_witness (
  id               bigint primary key,
  id_number        text not null,
  id_number_lookup text
);
