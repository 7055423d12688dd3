-- Personal data sealed at rest (issue 13, R4): verification_task.id_number and .phone and the
-- idNumber/phone of every party in case_file.parties hold sealed text (pd1:<key id>:<AES-GCM>),
-- never a clear value. Sealing the same number twice gives different text, so the uniqueness of
-- the open task per person and every de-duplication by ID number use id_number_lookup, a keyed
-- hash (HMAC) of the normalised number. Rows written before this change are converted at startup
-- by the platform's Resealer (it fills the lookup as it seals); until then their lookup is null.
alter table verification_task add column id_number_lookup text;

-- The same person has at most one open task: now by the lookup, not the (sealed) number.
drop index verification_task_open_person;
create unique index verification_task_open_person
  on verification_task (id_number_lookup) where status <> 'COMPLETED';
create index verification_task_lookup on verification_task (id_number_lookup);

-- Provincial source keys were PROVINCIAL_LIST:<batchId>:<ID number>; now the number's lookup takes
-- its place. The keys still holding a number in clear are converted at startup (case-service's
-- ProvincialSourceKeys, called by the Resealer), found through this index of only those keys.
create index verification_task_source_clear_key on verification_task_source (id)
  where kind = 'PROVINCIAL_LIST' and source_key ~ ':[0-9]{17}[0-9Xx]$';
