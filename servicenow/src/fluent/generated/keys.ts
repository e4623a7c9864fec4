import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    access_extension_flow: {
                        table: 'sys_hub_flow'
                        id: '4b5b67c3a90b40ad8c2d4186704e3000'
                    }
                    access_extension_trigger: {
                        table: 'sys_hub_trigger_instance_v2'
                        id: '2f040d56ba9d40568f8656afe02cd689'
                    }
                    access_lifecycle_flow: {
                        table: 'sys_hub_flow'
                        id: 'c8c4c160f03e4be284f27eb2a6b4c889'
                    }
                    access_lifecycle_trigger: {
                        table: 'sys_hub_trigger_instance_v2'
                        id: 'fd6fef9e4d5b455aa2eee045a098627b'
                    }
                    access_profiles_property: {
                        table: 'sys_properties'
                        id: '1f40fbc908bc44d8b13f2e4613fc6ad4'
                    }
                    approval_deadline_hours_property: {
                        table: 'sys_properties'
                        id: '4bd741b12f894e8287fd194743737c52'
                    }
                    ask_extension_group: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'ac04e83b42364c2caa431b83e83bfa63'
                        deleted: true
                    }
                    ask_extension_manager: {
                        table: 'sys_hub_action_instance_v2'
                        id: '5e49a8b667db4b6fa2d27bb334d9f6d2'
                        deleted: true
                    }
                    ask_group_approval: {
                        table: 'sys_hub_action_instance_v2'
                        id: '451a38513f604b3d9a9aaea029ba58ea'
                        deleted: true
                    }
                    ask_manager_approval: {
                        table: 'sys_hub_action_instance_v2'
                        id: '86ca6017a0884521a8c8c741ae4e60ff'
                        deleted: true
                    }
                    bom_json: {
                        table: 'sys_module'
                        id: 'dc204591374943a5855b0afd9ef6bc89'
                    }
                    check_extension: {
                        table: 'sys_hub_action_instance_v2'
                        id: '742ea4992d6348af819ef513f37685d5'
                    }
                    close_deadline_passed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '4c629e48fe464e0795e09a42af0f7b9b'
                    }
                    close_extension_done: {
                        table: 'sys_hub_action_instance_v2'
                        id: '528324767fb7494a853dd0c5545096da'
                    }
                    close_extension_failed: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'a4e66835090743cab2c18febda6cefae'
                    }
                    close_extension_late_refusal: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'b5a4e51388a44703a8725b6cc61236bf'
                    }
                    close_extension_not_approved: {
                        table: 'sys_hub_action_instance_v2'
                        id: '78664b5882824da19e75f05af6395ee1'
                    }
                    close_extension_refused: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'd39c9e10dc7948e3aae7855a036cdf41'
                    }
                    close_grant_failed: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'ac6bcf62aad9482886910366819cb0e6'
                    }
                    close_no_other_approver: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'b3a7095d71104b2b83ad4eec5105d73c'
                    }
                    close_not_approved: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'cfbc7694c90742048f5dec88b8047b19'
                    }
                    close_self_approved: {
                        table: 'sys_hub_action_instance_v2'
                        id: '46c0df3fca564253b528a7d34d2166aa'
                    }
                    cluster_id_regex: {
                        table: 'question_regex'
                        id: 'e11ed0b71eec48bbae94fd12f63597eb'
                    }
                    comment_reach: {
                        table: 'sys_hub_action_instance_v2'
                        id: '7c41e925573242eb8c1c726a71ce1cce'
                    }
                    comment_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'aa7cd36ea9164dbb856a2c99dce85f9e'
                        deleted: true
                    }
                    consumer_group_regex: {
                        table: 'question_regex'
                        id: '1cd948d42d474075953386d888f8c70d'
                    }
                    create_temporary_policy: {
                        table: 'sys_hub_action_instance_v2'
                        id: '7647e9557f2a4d728a844eddf77e6a85'
                    }
                    create_temporary_policy_action: {
                        table: 'sys_hub_action_type_definition'
                        id: '32a6a083b06d4ab1a96f86af673b107b'
                    }
                    create_temporary_policy_script: {
                        table: 'sys_hub_step_instance'
                        id: '4cec56573bbd4a24bfeeeee46ebe427f'
                    }
                    decide_access: {
                        table: 'sys_hub_sub_flow_instance_v2'
                        id: '02bf14c0f6e84fdcb7667deb386951eb'
                    }
                    decide_access_ask_group: {
                        table: 'sys_hub_action_instance_v2'
                        id: '821d17592b7e4d91a8856b36ee4d97e0'
                    }
                    decide_access_ask_manager: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'b609c59542564c0ea6f72822b7f742bf'
                    }
                    decide_access_comment_rejection: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'aae4a54ee69a47ac9d6acf1b81ac5d0d'
                    }
                    decide_access_if_asked: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '44b31c52900d4cf0a9958286310bf023'
                    }
                    decide_access_if_group: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '6de389950acd45cabd5fffb178eb519b'
                    }
                    decide_access_if_group_has_approver: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'c447fef0cd384083904bc97de92efcb9'
                    }
                    decide_access_if_manager: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '0470df8ef92e4ef4a4568106cdce9dcb'
                    }
                    decide_access_if_rejected_by_person: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'e38cbd4e79ed409dbd49316e05d4c209'
                    }
                    decide_access_list_group: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'ff4e79d6d07c429aa867e46be8f04bd7'
                    }
                    decide_access_no_approver: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'f8cec0c7d6814d40a80737f2716c536c'
                    }
                    decide_access_outputs: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '5b93787ca5ae4cf68d8709cfd0e97ff6'
                    }
                    decide_access_outputs_no_approver: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'cc755424d1904cb997f4f0abe4f2ac6f'
                    }
                    decide_access_read_decision: {
                        table: 'sys_hub_action_instance_v2'
                        id: '8aff911c68b74cbfb1a0b2d557db5838'
                    }
                    decide_access_remember_group: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'eb1ea5342fd94363b71f1f7ec1eadbc0'
                    }
                    decide_access_remember_manager: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '2c5e0513a8014936989515def9fdda50'
                    }
                    decide_access_subflow: {
                        table: 'sys_hub_flow'
                        id: '8f080e807a624f2f8445fa5c9fa28293'
                    }
                    decide_extension: {
                        table: 'sys_hub_sub_flow_instance_v2'
                        id: 'caff84cc043c49bca7734301c4127660'
                    }
                    delete_temporary_policy: {
                        table: 'sys_hub_action_instance_v2'
                        id: '94a12e4fa6d34d3b9281853ed7c53a6c'
                        deleted: true
                    }
                    delete_temporary_policy_action: {
                        table: 'sys_hub_action_type_definition'
                        id: '51418f59cc7442d8821f69b943672080'
                    }
                    delete_temporary_policy_script: {
                        table: 'sys_hub_step_instance'
                        id: 'f51b9d4f798b46e2b2281fbbc6300712'
                    }
                    else_extension_preapproved: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '61c265b911ac42c0bd7567f405d572cf'
                    }
                    else_item_closed: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '8e08f22f3bc44076bfd256330c220e5c'
                        deleted: true
                    }
                    else_no_manager: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '432d376e82e247a6aed80f5dd0b39c67'
                        deleted: true
                    }
                    end_access: {
                        table: 'sys_hub_sub_flow_instance_v2'
                        id: '3a62fcddf77c4d0e9647676e3f15354e'
                    }
                    end_access_comment_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '9fe96ae4f08a4f7daa0154fcf3610dd0'
                    }
                    end_access_delete_temporary_policy: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'd0ac259639cb4a7384b8b76fb3d3aba8'
                    }
                    end_access_else_item_closed: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '361f16add2954698860f1f163a293dfc'
                    }
                    end_access_if_current: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'edb490708ff2475b9b46321d8a76840d'
                    }
                    end_access_if_expired: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '9738bbc6022e4b9e92d5d37cd8852b6a'
                    }
                    end_access_if_remind: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'ec346725b9114150b16c7b0e53683437'
                    }
                    end_access_if_reminder_ahead: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '1739bd9acded42c68dada51e426f9173'
                    }
                    end_access_if_still_held: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'dd658856cec24b6487291e69f0fcea49'
                    }
                    end_access_if_tell_revoke_failed: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'c2bc78cb737648aba33f7fe0141ef5e5'
                    }
                    end_access_note_expired: {
                        table: 'sys_hub_action_instance_v2'
                        id: '0bd3643ff7a044eb906ead54ba142f66'
                    }
                    end_access_note_revoke_failed: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'f7e00ba5943e4f55b710101a3c7b49d9'
                    }
                    end_access_note_revoked: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'b8d6f0bb4d2147d7b86b5c3666481fcb'
                    }
                    end_access_outputs: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'dadfeab78064435191dac55c84e00a4e'
                    }
                    end_access_read_grant_at_end: {
                        table: 'sys_hub_action_instance_v2'
                        id: '5ba24a23070c4c6b966abf7d0e339c1f'
                    }
                    end_access_read_grant_at_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '03854c7e328d4837897c0491e9dc38bc'
                    }
                    end_access_read_grant_before_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'c9b8715aceb4455e832f9c4c628a96fb'
                    }
                    end_access_subflow: {
                        table: 'sys_hub_flow'
                        id: 'b50055b83f7b4c578affb14b75730ff9'
                    }
                    end_access_tell_expired: {
                        table: 'sys_hub_action_instance_v2'
                        id: '0280ca48695248248ae867542c602960'
                    }
                    end_access_tell_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '27e8b66dfd5147ad9cf0829980983cb4'
                    }
                    end_access_tell_revoke_failed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '1697eaad89804a19a928e395395e5336'
                    }
                    end_access_tell_revoked: {
                        table: 'sys_hub_action_instance_v2'
                        id: '4111409f199543aea544757879999ed5'
                    }
                    end_access_try_revoke: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '744895c04664463ea4a724deb424642b'
                    }
                    end_access_try_revoke_catch: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'c1130783cda44c2dba7b816b500890c9'
                    }
                    end_access_wait_until_closed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '06eabe12986f458091ea3bef7401ba9e'
                    }
                    end_access_wait_until_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '23077a0d66144115a78713531c449cdb'
                    }
                    end_deadline_passed: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '4cb7fc210c284abf86140beb56eed772'
                    }
                    end_extension_not_approved: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '602b9a481dad401b98aa27701e0a233b'
                    }
                    end_extension_refused: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'dad0fac6ac7d4090bbddf4b5a87f42d4'
                    }
                    end_grant_failed: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '2e0a636b16274bf2824828d8a0e27732'
                    }
                    end_handed_over: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '5508159361d24fc68d70ccb01c9b9657'
                        deleted: true
                    }
                    end_my_kpow_access_ui_action: {
                        table: 'sys_ui_action'
                        id: '933320b511c941bc946622d00dfb50b3'
                    }
                    end_no_other_approver: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '26be46f73ffc43e2817d5f14d8f4eab2'
                    }
                    end_not_approved: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'e5e568fbb8a04106abf96f2262aebae7'
                    }
                    end_not_extended: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'b4ce60c34ffd48b89164bf79129db40e'
                    }
                    end_self_approved: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '35c1a975350148acafdc335cb254e3d6'
                    }
                    event_access_expiring: {
                        table: 'sysevent_register'
                        id: 'bb5f0a6469db4411a848e7a7cf8d2064'
                    }
                    event_access_extended: {
                        table: 'sysevent_register'
                        id: 'aefd64c718c8480e99c636595d28401e'
                    }
                    event_access_grant_failed: {
                        table: 'sysevent_register'
                        id: 'd379145e7c804edaa5550728c9f27ae6'
                    }
                    event_access_granted: {
                        table: 'sysevent_register'
                        id: '6cae79f3892f4cef9eb323495b8187ed'
                    }
                    event_access_rejected: {
                        table: 'sysevent_register'
                        id: 'bff6d4d7b4e64227b92df8414a5ad8fe'
                    }
                    event_access_revoked: {
                        table: 'sysevent_register'
                        id: '7b85ee6e6d334ced9d616fde62d80cf1'
                    }
                    event_approval_deadline_passed: {
                        table: 'sysevent_register'
                        id: 'ff5682e8716f44cbad58a8bd2768310e'
                    }
                    expiry_reminder_minutes_property: {
                        table: 'sys_properties'
                        id: 'e08312626bfe42e288fbb3d6faa8b4e4'
                    }
                    ext_comment_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '1153a53ed5084ac39fb48e5df28e9692'
                        deleted: true
                    }
                    ext_delete_temporary_policy: {
                        table: 'sys_hub_action_instance_v2'
                        id: '861e1b43cdaa4f3589db9f9bb8480254'
                        deleted: true
                    }
                    ext_else_item_closed: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '920ef4e409b54a529a28cfc886f41e64'
                        deleted: true
                    }
                    ext_end_access: {
                        table: 'sys_hub_sub_flow_instance_v2'
                        id: 'fdda67b8180a4f21b0b912976d1cb8b2'
                    }
                    ext_end_handed_over: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'ca59bb82bca64082b0867046411538aa'
                        deleted: true
                    }
                    ext_if_expired: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '5bd25552274f495bbd6fa3382af90a07'
                        deleted: true
                    }
                    ext_if_extended_again: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'a569f8c968aa4929bf5fd04a2f7ffa19'
                        deleted: true
                    }
                    ext_if_remind: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'd1645ba7a99a4048a2c55902df5b76c7'
                        deleted: true
                    }
                    ext_if_reminder_ahead: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'da02cc9ceabb43e9b95d0dd9c3304089'
                        deleted: true
                    }
                    ext_if_still_held: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '3477ad2e609b48c184fec271777b4326'
                        deleted: true
                    }
                    ext_note_expired: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'd01c068696eb48bda3230a7fd9e073a6'
                        deleted: true
                    }
                    ext_note_revoke_failed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '8dfb16309208485191a330a81290e766'
                        deleted: true
                    }
                    ext_note_revoked: {
                        table: 'sys_hub_action_instance_v2'
                        id: '9412ed74c3914d8b94ed93a068141c59'
                        deleted: true
                    }
                    ext_read_grant_at_end: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'fd1cd623b1344a17aa09f96536bacc03'
                        deleted: true
                    }
                    ext_read_grant_at_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'c51885e7166d479391d3d45d1a1a07ab'
                        deleted: true
                    }
                    ext_read_grant_before_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '8a3b02c33b424829b4e242a24d065919'
                        deleted: true
                    }
                    ext_tell_expired: {
                        table: 'sys_hub_action_instance_v2'
                        id: '44311dba977842bc80c485ec154d8147'
                        deleted: true
                    }
                    ext_tell_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'eca53dee2b65448cbad143932b90c4cd'
                        deleted: true
                    }
                    ext_tell_revoked: {
                        table: 'sys_hub_action_instance_v2'
                        id: '2c15429c5fb647bab23713b377e46e1e'
                        deleted: true
                    }
                    ext_try_revoke: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '6c837f0fa3e243ee98f3b9ea7f088a6f'
                        deleted: true
                    }
                    ext_try_revoke_catch: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '4743bd664ea74742906225e291588f7f'
                        deleted: true
                    }
                    ext_wait_until_closed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '7b088e15404f4a8f946d86c411ef0b30'
                        deleted: true
                    }
                    ext_wait_until_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '8719b3a14b5d44d19b69ba77cb98c300'
                        deleted: true
                    }
                    extend_access_catalog_item: {
                        table: 'sc_cat_item'
                        id: '632bff460bbb4b3e8085fb744391c0f0'
                    }
                    extend_temporary_policy: {
                        table: 'sys_hub_action_instance_v2'
                        id: '7db55a5f0d5d4d099bbad5e272970fc1'
                    }
                    extend_temporary_policy_action: {
                        table: 'sys_hub_action_type_definition'
                        id: '5256f964eefc4521bfe111888bfdc411'
                    }
                    extend_temporary_policy_script: {
                        table: 'sys_hub_step_instance'
                        id: '28b1cb439afc471c89de2da0f3a0c221'
                    }
                    extension_no_approver: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '85ca4b167f914213ad964c27aceda56d'
                        deleted: true
                    }
                    fallback_approval_group: {
                        table: 'sys_user_group'
                        id: '6da4eb73d7df490bb7d537d6348ed9d2'
                    }
                    find_deadline_rejection: {
                        table: 'sys_hub_action_instance_v2'
                        id: '8ac4ecbb422b4f4bacd28b42ccec06c1'
                        deleted: true
                    }
                    find_extension_self_approval: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'd53f8942c81148b99b636e43163562dc'
                        deleted: true
                    }
                    find_rejection: {
                        table: 'sys_hub_action_instance_v2'
                        id: '9f241758e75c49eaada21d3f4eef3c80'
                        deleted: true
                    }
                    find_self_approval: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'dc9acdb3bdbf4d9dab10e83de24de699'
                        deleted: true
                    }
                    get_catalog_variables: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'df0fd5ebe84949cb9efabe7855c02b3f'
                        deleted: true
                    }
                    grant_to_property: {
                        table: 'sys_properties'
                        id: '433887f6857c412487ce8ed0b179be3c'
                    }
                    if_deadline_passed: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '602c6453232742d5846e198c5a06ee59'
                    }
                    if_extended: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '168d078ca47c463f9df06ffe40897260'
                    }
                    if_extended_now: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '78dd4f054f294859afd5edb60fb66eb8'
                    }
                    if_extension_group: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '43361662a76648a197f407141bb87c41'
                        deleted: true
                    }
                    if_extension_group_has_approver: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'fbc0562356014d4da6f8474adc254132'
                        deleted: true
                    }
                    if_extension_manager: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '6790123ba76040eea55ad3b20db6be6f'
                        deleted: true
                    }
                    if_extension_needs_approval: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'a10cf2acb2294a9f90949aff205cda93'
                    }
                    if_extension_not_approved: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'c218519cf38646b58f889e9b77a99189'
                    }
                    if_extension_refused: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '50f7b49c2de542759fef03a4703170dc'
                    }
                    if_grant_failed: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '3a694fc88db9413d9b8db384f5644417'
                    }
                    if_group_decides: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '84bb0717bd474858892e4bbeac417c3f'
                        deleted: true
                    }
                    if_no_other_approver: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'fa7e261311db4f4d8e086776ba1c11f2'
                    }
                    if_not_approved: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'c03094412d1b4418b0b65fa33848eff6'
                    }
                    if_not_extended: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'bcdf2368192c48ef89a674f0e9caa315'
                    }
                    if_reconcile_unresolved: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '007b8989c40840819eb5b1c6a2f9cb43'
                    }
                    if_remind: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '7d1a7b58b4064481956ceb38d84cbfcb'
                        deleted: true
                    }
                    if_reminder_ahead: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'bf00f73f4d9a4b16b3c2d6f3c04329a2'
                        deleted: true
                    }
                    if_requester_has_manager: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '863c2d00f05c43caa79a86170ba9f7d5'
                        deleted: true
                    }
                    if_self_approved: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'f69e948c2bfb4346bb3c51aa8c5fed3c'
                    }
                    if_still_held: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '5242b9d312c24e0e90e1e9b64af188d0'
                        deleted: true
                    }
                    if_wait_timed_out: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '0dc0d08819194593abaed7c712817fdf'
                        deleted: true
                    }
                    kpow_client_script_include: {
                        table: 'sys_script_include'
                        id: '1a66e114b7434142b96dee2bcd0325b1'
                    }
                    kpow_connection_alias: {
                        table: 'sys_alias'
                        id: '5332889884184c388c025e478de662c6'
                    }
                    kpow_ui_url_property: {
                        table: 'sys_properties'
                        id: '7951d02fa13742448b6d39a16cf1d8ae'
                    }
                    list_extension_group: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'fafde0978f2a402089916ed1b02c3108'
                        deleted: true
                    }
                    list_fallback_approvers_action: {
                        table: 'sys_hub_action_type_definition'
                        id: '9ec164cbfe0746f7801e22aac0cf57a0'
                    }
                    list_fallback_approvers_script: {
                        table: 'sys_hub_step_instance'
                        id: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                    }
                    list_group_approvers: {
                        table: 'sys_hub_action_instance_v2'
                        id: '304ab21cea9247d2a29931cf285e656e'
                        deleted: true
                    }
                    mark_extension_preapproved: {
                        table: 'sys_hub_action_instance_v2'
                        id: '82623e74b4c54378a314a6f7f1e2d300'
                    }
                    max_duration_minutes_property: {
                        table: 'sys_properties'
                        id: '437dc56e20b04bc082f7b56b40a017ad'
                    }
                    note_expired: {
                        table: 'sys_hub_action_instance_v2'
                        id: '9fd5f46394494ac283b6d3b703af67fe'
                        deleted: true
                    }
                    note_extended: {
                        table: 'sys_hub_action_instance_v2'
                        id: '56432e97b980497cae54ca041d1865da'
                    }
                    note_granted: {
                        table: 'sys_hub_action_instance_v2'
                        id: '3926e55419bb4e61835cd591ef0e96c9'
                    }
                    note_handed_over: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'acd8ca0775844a68bf59ed09fb40d868'
                    }
                    note_original_not_extended: {
                        table: 'sys_hub_action_instance_v2'
                        id: '024cb53d28cf4b62afc98b83523be695'
                    }
                    note_revoke_failed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '5e900a61987f432fa647ece091761bc3'
                        deleted: true
                    }
                    note_revoked: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'fc29289e52a24e049a2df03cb339db13'
                        deleted: true
                    }
                    notification_access_expiring: {
                        table: 'sysevent_email_action'
                        id: '8562977c6f8b4794b548e17310d98803'
                    }
                    notification_access_extended: {
                        table: 'sysevent_email_action'
                        id: '6a2956f632c949989207b7918644cca8'
                    }
                    notification_access_grant_failed: {
                        table: 'sysevent_email_action'
                        id: 'a526ddca4e0d44ed82e9f8e0fa682e1a'
                    }
                    notification_access_granted: {
                        table: 'sysevent_email_action'
                        id: 'ea960d08169a4b589889f16d4990d5bc'
                    }
                    notification_access_rejected: {
                        table: 'sysevent_email_action'
                        id: '7f741faba5ea47538d5f2aa8e76a0ffd'
                    }
                    notification_access_revoked: {
                        table: 'sysevent_email_action'
                        id: 'f35f91c2ae4d4d45b3ec2407655f350c'
                    }
                    notification_approval_deadline_passed: {
                        table: 'sysevent_email_action'
                        id: '5b5aafadf38e45dc8399763e2b988f52'
                    }
                    package_json: {
                        table: 'sys_module'
                        id: '59affa6c3e634ed3940243903e12ff1a'
                    }
                    personal_role_template_property: {
                        table: 'sys_properties'
                        id: '0db9897d02da4e728ce6be1e174f50cf'
                    }
                    profile_item_group_edit: {
                        table: 'sc_cat_item'
                        id: '96b27126585c45a39a5aabc3f80b63be'
                    }
                    read_access_request: {
                        table: 'sys_hub_action_instance_v2'
                        id: '398c993318014d17a0e1d4dfeb970d3d'
                    }
                    read_access_request_action: {
                        table: 'sys_hub_action_type_definition'
                        id: 'f724bb15287f4186ad6f3c976864ecef'
                    }
                    read_access_request_script: {
                        table: 'sys_hub_step_instance'
                        id: '59af395d7bb44664b3c7c380c803b24a'
                    }
                    read_approval_decision_action: {
                        table: 'sys_hub_action_type_definition'
                        id: 'fcc134a35bb249a1a6a8dc86243a348a'
                    }
                    read_approval_decision_script: {
                        table: 'sys_hub_step_instance'
                        id: 'cff21c7fc1114b08a06db901a29f956c'
                    }
                    read_current_grant_action: {
                        table: 'sys_hub_action_type_definition'
                        id: '30930c6a38df4e06b989545a7ba2cd1e'
                    }
                    read_current_grant_script: {
                        table: 'sys_hub_step_instance'
                        id: '1d446b19bb5c49448b2871ac5006705b'
                    }
                    read_grant_at_end: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'f94736a0ddbe46cd8e220c7454c487f1'
                        deleted: true
                    }
                    read_grant_at_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '881848b32c3047aab967241a8035c392'
                        deleted: true
                    }
                    read_grant_before_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '0cadf42a850d4edc9450c87aca877598'
                        deleted: true
                    }
                    reconcile_grant: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'bba7d43b7edb41be91ba172320d86a76'
                    }
                    reconcile_grant_again: {
                        table: 'sys_hub_action_instance_v2'
                        id: '3a551ad79dd143abbd9f35ee47ff703c'
                    }
                    reconcile_temporary_policy_action: {
                        table: 'sys_hub_action_type_definition'
                        id: 'd4c065145e094cc6861bc3992620c6a6'
                    }
                    reconcile_temporary_policy_script: {
                        table: 'sys_hub_step_instance'
                        id: 'ead2fa3c5d53437f9ecb335713e4eddd'
                    }
                    remember_extension: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'c9b668a643674c99bb4670d108dbb53e'
                    }
                    remember_extension_group: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'a69b9f51f62543b38f1bfb9b74929df7'
                        deleted: true
                    }
                    remember_extension_manager: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '31ac564c074e427fa1b67a4da555af81'
                        deleted: true
                    }
                    remember_group_decision: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '937cb437209a43a9b2122cd6c73a6e96'
                        deleted: true
                    }
                    remember_manager_decision: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'a359af5b394e4098b647fcb5c403604a'
                        deleted: true
                    }
                    remember_policy: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'cfab5e251b8441c0bbaf171d6da99296'
                    }
                    request_topic_access_catalog_item: {
                        table: 'sc_cat_item'
                        id: '9d0c76d9219042c5bbef723ccdb5d88e'
                    }
                    requested_item_number_regex: {
                        table: 'question_regex'
                        id: 'dcdaa10f319f4cf9b4588fd17ec2a57e'
                    }
                    tell_deadline_passed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '0a08220e62c74171ac793ad2241ad223'
                    }
                    tell_expired: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'a66dbe3cdf9e453880ff5bd2eb647d52'
                        deleted: true
                    }
                    tell_extended: {
                        table: 'sys_hub_action_instance_v2'
                        id: '464d47bbc4cb410fb2397c6d3b19e439'
                    }
                    tell_granted: {
                        table: 'sys_hub_action_instance_v2'
                        id: '912e2386887d4a2f9c62b077b9f0de2d'
                    }
                    tell_rejected: {
                        table: 'sys_hub_action_instance_v2'
                        id: '5b0299a63a884555a974880fb88ebfd0'
                    }
                    tell_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: '1731ca2f5b8149a28d7ba27b4ebe109e'
                        deleted: true
                    }
                    tell_revoke_failed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '281be3ad81384eeca47c425f08deb7dc'
                        deleted: true
                    }
                    tell_revoked: {
                        table: 'sys_hub_action_instance_v2'
                        id: '01beb549db1647a3927575a496d7fd2f'
                        deleted: true
                    }
                    ticket_number_regex: {
                        table: 'question_regex'
                        id: '182ce42896db4cd2913e55101a2017c1'
                    }
                    topic_name_regex: {
                        table: 'question_regex'
                        id: '33299e1d3a9d4622aa51f533615e5478'
                    }
                    try_extend: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '6b2ea4afb10c4d2b9bfe787d59eb0a8f'
                    }
                    try_extend_catch: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '4494af6f3e7743958e6928e43e63178d'
                    }
                    try_grant: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '064d491cf8e547fd8f1b64c73f8cf458'
                    }
                    try_grant_catch: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '6b497108a6fd4545a010c2ba3bf965be'
                    }
                    try_revoke: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: '4f5a5ea6f28447489002bda626fa0cb5'
                        deleted: true
                    }
                    try_revoke_catch: {
                        table: 'sys_hub_flow_logic_instance_v2'
                        id: 'a7e4bc28a9bc41ffac0de424a7c2e945'
                        deleted: true
                    }
                    wait_until_closed: {
                        table: 'sys_hub_action_instance_v2'
                        id: '46192b5121c1494ea1fc073f5d641dc8'
                        deleted: true
                    }
                    wait_until_reminder: {
                        table: 'sys_hub_action_instance_v2'
                        id: 'cf7b18065fb44128824725fc169d4516'
                        deleted: true
                    }
                }
                composite: [
                    {
                        table: 'sys_hub_action_output'
                        id: '015f88acd6264bf7a887324e12667d66'
                        deleted: true
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'expires_at_requester'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '02e8c969de6b4b42b8448f1f737bc8bb'
                        key: {
                            question: {
                                id: '17a2b36d8de74c0292c69a4758152801'
                                key: {
                                    cat_item: '96b27126585c45a39a5aabc3f80b63be'
                                    variable_set: 'NULL'
                                    name: 'cluster_id'
                                }
                            }
                            value: '42RglGpZQwy9D5VzTVpCWA'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '031a44422dd348daa08e54ea3c50c9e8'
                        key: {
                            name: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '04706b37e43f41a9a4f0be366f7d3f9e'
                        key: {
                            name: 'var__m_sys_hub_flow_output_8f080e807a624f2f8445fa5c9fa28293'
                            element: 'decided_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0546b380201947a4b8e4ce630aade4a7'
                        key: {
                            name: 'var__m_sys_hub_action_output_9ec164cbfe0746f7801e22aac0cf57a0'
                            element: 'approver_count'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '05b1ad8dee49454fbefc56894802303f'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'approvers'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '061e02fd419242cd894ce4fe656dd50c'
                        key: {
                            field: 'approval_deadline_hours'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '066556faea9347cd8f25c6ca835ae077'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'check_only'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0696418dd2d74e7ab01725bd5f47d882'
                        key: {
                            document_key: '59af395d7bb44664b3c7c380c803b24a'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '07448d519b2c46409eec6dc6649a6937'
                        key: {
                            field: 'check_only'
                            table: 'var__m_sys_hub_step_ext_input_28b1cb439afc471c89de2da0f3a0c221'
                            id: '28b1cb439afc471c89de2da0f3a0c221'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '07761aa69fb14ee09e8f011f85833f02'
                        key: {
                            name: 'var__m_sys_hub_action_input_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '082ebc2a0e30452d80e1e6db99ba0ebb'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'current_policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '085530f55b644751bd7df34c2f12b8c9'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'original_item'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '088ffba9a1944e849f6515bc1a43d066'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'preapproved'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '08b1404688244455af3fd8ccd3801140'
                        key: {
                            name: 'var__m_sys_hub_action_output_d4c065145e094cc6861bc3992620c6a6'
                            element: 'may_exist_until'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '090335a8d8c5417a9f8af3f81a38af2e'
                        key: {
                            field: 'group_name'
                            table: 'var__m_sys_hub_step_ext_input_4cec56573bbd4a24bfeeeee46ebe427f'
                            id: '4cec56573bbd4a24bfeeeee46ebe427f'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '095023ef90484ddf8680cbb41ac6cfe9'
                        key: {
                            field: 'duration_ms'
                            table: 'var__m_sys_hub_step_ext_input_4cec56573bbd4a24bfeeeee46ebe427f'
                            id: '4cec56573bbd4a24bfeeeee46ebe427f'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '099c24bfc6fc43d1ab6678f4bc2f5d12'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0b8ab4f0311a455fae7718f88256eb8f'
                        key: {
                            name: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'inspect_link'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0b946a53e3384bb7877eda3684dc2e8f'
                        key: {
                            document_key: 'cff21c7fc1114b08a06db901a29f956c'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0ba5f1b0f05243f1aa3de0873f78d6e6'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'profile_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_flow_output'
                        id: '0bdd353b934e46aca96b35ccec5dafab'
                        key: {
                            model: '8f080e807a624f2f8445fa5c9fa28293'
                            element: 'outcome'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '0be1ce726c3f44d5b369686268318c63'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'approval_due'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0e2e8034b19f482c881f244623fa3c8c'
                        key: {
                            document_key: 'ead2fa3c5d53437f9ecb335713e4eddd'
                            variable: '14503f679f854a509b6858950d38959c'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '0e50c4de38384c66b4560f1d35d05c67'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '0e832b9a66144235bd8ba48f87f17b23'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'work_notes_record'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '0e9b672cb135499ba68398007e7be285'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'new_policy_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0f8b1af81dff411493df813789412d67'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'approvers'
                            language: 'en'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '0f9f651145714641aa98c90fc9f15900'
                        key: {
                            question: {
                                id: '358635c414594a46b177f2fe91f91a9d'
                                key: {
                                    cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                                    variable_set: 'NULL'
                                    name: 'duration_ms'
                                }
                            }
                            value: '900000'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '10a8df98495145bbb03221d316c845db'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'group_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '12268c85cfeb4cfeb71ca7c4d1acfc2f'
                        key: {
                            field: 'already_expired'
                            table: 'var__m_sys_hub_action_output_51418f59cc7442d8821f69b943672080'
                            id: '51418f59cc7442d8821f69b943672080'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '13083ec32bb841f5878dde6f555bb269'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'extend_link'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '14503f679f854a509b6858950d38959c'
                        key: {
                            model: 'ead2fa3c5d53437f9ecb335713e4eddd'
                            element: 'connection_alias'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '16c20f25d7b44e02b40cea10952c4b02'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'policy_id'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '16fed10014e34124ab428e508634af22'
                        key: {
                            field: 'current_expires_at'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '17a1bb6784714b2c98a6e3aefbfc9d94'
                        key: {
                            document_key: 'f51b9d4f798b46e2b2281fbbc6300712'
                            variable: '581bd240a08f4b7aaa5c431a10015a97'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '17a2b36d8de74c0292c69a4758152801'
                        key: {
                            cat_item: '96b27126585c45a39a5aabc3f80b63be'
                            variable_set: 'NULL'
                            name: 'cluster_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '17d3789755db4442838b663fe471e42b'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'original_number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '183bc93d5cf246b6a63f8e178daa4b53'
                        key: {
                            field: 'new_expires_at'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '183da82995f84bf9a8761dc17560a78d'
                        key: {
                            field: 'rejection_note'
                            table: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            id: 'fcc134a35bb249a1a6a8dc86243a348a'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1907338223174e718e5208fd19e46f72'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'minutes_left'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '191c13e637354077a63e3ae0ba999133'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_4b5b67c3a90b40ad8c2d4186704e3000'
                            element: 'policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '19b14ea37e2f4a519bfa34327ea097d2'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'access_duration'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '19e0468b07ec4147af1b69706d044180'
                        key: {
                            field: 'justification'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_flow_output'
                        id: '1c5b6fa66c1441738bba1cc59ae53a4b'
                        key: {
                            model: '8f080e807a624f2f8445fa5c9fa28293'
                            element: 'comment'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1d62c81653ac4749a966a7f176c384e3'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'approvers'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1dec07b6815b4e8f97d6a53aeaa1c4a9'
                        key: {
                            name: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1e388af8684648e283b75c8e346089ce'
                        key: {
                            name: 'var__m_sys_hub_flow_output_b50055b83f7b4c578affb14b75730ff9'
                            element: 'current_policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '1e7adfcda1294f84807074b0b0bb5437'
                        key: {
                            model: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                            element: 'group'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1fa4483433c24d9dbe0803d956e9e185'
                        key: {
                            name: 'var__m_sys_hub_action_output_51418f59cc7442d8821f69b943672080'
                            element: 'outcome'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2069ba3f6b2540f09682a2b65d4237f8'
                        key: {
                            name: 'var__m_sys_hub_flow_input_b50055b83f7b4c578affb14b75730ff9'
                            element: 'expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '21222d438f1c4683916b2da8842a065b'
                        key: {
                            field: 'last_attempt'
                            table: 'var__m_sys_hub_step_ext_input_ead2fa3c5d53437f9ecb335713e4eddd'
                            id: 'ead2fa3c5d53437f9ecb335713e4eddd'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '223918f594214dd0b5435f58d6ec45ec'
                        key: {
                            cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                            variable_set: 'NULL'
                            name: 'ticket_number'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '224407ca9bb84ff7b9e9f3157695f367'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'grant_to'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '22d44ef072c241e782973124089605f2'
                        key: {
                            document_key: 'f51b9d4f798b46e2b2281fbbc6300712'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '23df1e79f9924693a981b4159d0a1d15'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'approval_deadline_hours'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '243b1706424c4741a8e6f1d55b6eff9f'
                        key: {
                            model: '9ec164cbfe0746f7801e22aac0cf57a0'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '246e45edb6ba4aefac8fc864e887dfa6'
                        key: {
                            document_key: '59af395d7bb44664b3c7c380c803b24a'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2768cb3fe22b40fdbf175a1b57bfd36b'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'justification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '27b61d3e795244fbb7588c4392410c5b'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'profile_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '280e71894dcd46488ba1156e745a26db'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'current_policy_id'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '281d55f36a994c3d9b02aa05deaf3ea6'
                        key: {
                            field: 'profile_name'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: '286b0606a3474527b541dcad1f42069e'
                        deleted: true
                        key: {
                            model: 'c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'approval_state'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '29444418f6f940aca75e7e183abe9c73'
                        key: {
                            field: 'topic_name'
                            table: 'var__m_sys_hub_step_ext_input_4cec56573bbd4a24bfeeeee46ebe427f'
                            id: '4cec56573bbd4a24bfeeeee46ebe427f'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '2976c9f3a1b74bea9b550a301a57bcb6'
                        key: {
                            field: 'original_number'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '298bb886d80046228a54c745f9e57f65'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'duration_ms'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '2994e0192ce74fbbb660dc83dcd3f192'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '29eefd1c395747b1a24768c93488e50c'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'resource_type'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2a1a4e11ba714ed789182d3fb3e44ec2'
                        key: {
                            document_key: 'f51b9d4f798b46e2b2281fbbc6300712'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2a956493bd82479c9ee8e244bbb5596b'
                        key: {
                            name: 'var__m_sys_hub_action_output_9ec164cbfe0746f7801e22aac0cf57a0'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '2b18cdfbabb340cfa5770d2ce29ccb6e'
                        key: {
                            cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                            variable_set: 'NULL'
                            name: 'cluster_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2b7f50c3bc11432ea7f2bc066f172283'
                        key: {
                            name: 'var__m_sys_hub_action_output_51418f59cc7442d8821f69b943672080'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: '2bd428ffcf0f4698b2854d0bdfe9185b'
                        key: {
                            model: 'c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'policy_id'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '2c37c18743574ba190e30547c7fe84ff'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'policy_id'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '2c62ba2a103040188ecdee25bfcfa007'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'justification'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '2dc773b1d89844069601446cdccd87e8'
                        key: {
                            field: 'role_name'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '2f65162b85764c10bc3dbb4bd44c8715'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'cluster_id'
                        }
                    },
                    {
                        table: 'sc_cat_item_catalog'
                        id: '2fbc5b20ea3e4db1908f7b62d8a4b999'
                        key: {
                            sc_cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                            sc_catalog: 'e0d08b13c3330100c8b837659bba8fb4'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '302048e25c344c0d994f89fc3e2d9fa4'
                        key: {
                            field: 'may_exist_until'
                            table: 'var__m_sys_hub_action_output_d4c065145e094cc6861bc3992620c6a6'
                            id: 'd4c065145e094cc6861bc3992620c6a6'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: '3115649330614d07ad3bfe0f4b82aab8'
                        key: {
                            model: '8f080e807a624f2f8445fa5c9fa28293'
                            element: 'approval_state'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: '3313e0bf5baa4951a56e71bb3d138f36'
                        key: {
                            model: '8f080e807a624f2f8445fa5c9fa28293'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3359e2b51be04c648c1b5aa8f9c5dc34'
                        key: {
                            document_key: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                            variable: '1e7adfcda1294f84807074b0b0bb5437'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: '33e3c8b35a464e5d94208453ec0f69e9'
                        key: {
                            model: 'c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'inspect_link'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '3519cdd114514b4faf06fbd078533178'
                        key: {
                            model: '9ec164cbfe0746f7801e22aac0cf57a0'
                            element: 'approvers'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '358635c414594a46b177f2fe91f91a9d'
                        key: {
                            cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                            variable_set: 'NULL'
                            name: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '35e3dc83b862481f98cfb294c22a3ae2'
                        key: {
                            model: 'fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'comment'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '3685b53519f44a0f8d2e4a8d265788aa'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'work_notes_record'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: '36f9a5f4996149d1a926d33f1f1efce6'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '374df7e442904a4b93bd8fce93b2f2bc'
                        key: {
                            model: '51418f59cc7442d8821f69b943672080'
                            element: 'work_notes_record'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '385f2e0e89af46e1aa5b8a34e8cac943'
                        key: {
                            question: {
                                id: '6eaddf43c1cf49bfa9cb731b109ece03'
                                key: {
                                    cat_item: '632bff460bbb4b3e8085fb744391c0f0'
                                    variable_set: 'NULL'
                                    name: 'extension_ms'
                                }
                            }
                            value: '300000'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3864d5ee52db4dcb9ea4b181226beb07'
                        key: {
                            document_key: '4cec56573bbd4a24bfeeeee46ebe427f'
                            variable: 'ef339fbc32834eceb551ad27b020c1a8'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '3939157f028947629d49c051a3a91193'
                        key: {
                            question: {
                                id: 'c5c4f4176d364e43ba7e506312956f46'
                                key: {
                                    cat_item: '96b27126585c45a39a5aabc3f80b63be'
                                    variable_set: 'NULL'
                                    name: 'duration_ms'
                                }
                            }
                            value: '900000'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '397244599ad34537a87780b38d5711f5'
                        key: {
                            model: '51418f59cc7442d8821f69b943672080'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '3a17e6b2403b4cbf8863253ec741ea70'
                        key: {
                            cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                            variable_set: 'NULL'
                            name: 'role_name'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '3a74d9cbf16f4707a0226005ba11683d'
                        key: {
                            field: 'justification'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '3ab315a8d9de42e0a7aadee5cb1f1fc7'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'current_expires_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3bcc8fb612324aa398563df90468c8d5'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'approval_due'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: '3c6cccab410547d0bbc05a308c4bccfa'
                        key: {
                            model: '8f080e807a624f2f8445fa5c9fa28293'
                            element: 'reason'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '3d2bb7547dbf47f9ae6080e44c226dd4'
                        key: {
                            field: 'approvers'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '3d5b99ea884f4324ac2604d185ffabed'
                        deleted: true
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'expires_at_requester'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '3e52274a2df540b9807261df31f1c307'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'profile_name'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '3eed5273ed9e483bb0c5ea4cce7bdc7f'
                        key: {
                            field: 'access_duration'
                            table: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            id: '32a6a083b06d4ab1a96f86af673b107b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3eff5a19484b46c4a499ca52856e6dca'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'new_expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: '3f869c0e31e34da8afe15c9dedded124'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'policy_label'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '3f940cf0f7ae4c37b3fe1cee89926daf'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'resource_type'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '3fc0af3baf824a2d8d0bfa43d62f04e9'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'new_expires_at'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '4038ae0e5c224295859854c0a592eb92'
                        key: {
                            document_key: '28b1cb439afc471c89de2da0f3a0c221'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '412c7246ed994ed3901e5af322eb8da6'
                        key: {
                            field: 'expires_at'
                            table: 'var__m_sys_hub_step_ext_input_1d446b19bb5c49448b2871ac5006705b'
                            id: '1d446b19bb5c49448b2871ac5006705b'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '4142765ed88c48fd9a5b4faced18e76e'
                        key: {
                            field: 'work_notes_record'
                            table: 'var__m_sys_hub_step_ext_input_f51b9d4f798b46e2b2281fbbc6300712'
                            id: 'f51b9d4f798b46e2b2281fbbc6300712'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '41715e35bc0e49f3839dd04bffdf074d'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'inspect_link'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '459acc3156184c6db70c86af226b33c1'
                        key: {
                            document_key: 'ead2fa3c5d53437f9ecb335713e4eddd'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '463bd2f7e2a343329c45898b238e4b37'
                        key: {
                            field: 'requested_item'
                            table: 'var__m_sys_hub_step_ext_input_1d446b19bb5c49448b2871ac5006705b'
                            id: '1d446b19bb5c49448b2871ac5006705b'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: '4643e0a1e0f34f2298f1d08ebfaa3d0d'
                        key: {
                            model: 'c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '46bc739e3f49487ea40ba72997e678f2'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'extend_link'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '479f317fc5564917bfccfa93ce660927'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'open'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '48843d1838af452fa391a666f84183dc'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'approval_due'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '48a58628a83e438ab9fb5037cf9339d3'
                        key: {
                            field: 'approvers'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '48ba611ad166476da67a95c0551542ad'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'current'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '499f5cd09018424bb82c6644df45acec'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'topic_name'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '4ae7a7a50f3e4b3396f0a17f88f2b994'
                        key: {
                            model: '9ec164cbfe0746f7801e22aac0cf57a0'
                            element: 'approval_due'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '4aea9a8915d34ead8ce4ecccc37d5816'
                        key: {
                            field: 'policy_id'
                            table: 'var__m_sys_hub_step_ext_input_1d446b19bb5c49448b2871ac5006705b'
                            id: '1d446b19bb5c49448b2871ac5006705b'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '4b6454f1e6194e4baef7ed477ceb6531'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'inspect_link'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '4badddda3f6a482b86a989f3fcb9ccd6'
                        key: {
                            field: 'outcome'
                            table: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            id: 'fcc134a35bb249a1a6a8dc86243a348a'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4bff43cae8e24958b7a791eba285a667'
                        key: {
                            name: 'var__m_sys_hub_flow_input_8f080e807a624f2f8445fa5c9fa28293'
                            element: 'requested_item'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4cd9a0eafd35412f8dfb4537807089b3'
                        deleted: true
                        key: {
                            name: 'var__m_sys_hub_flow_variable_c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'approval_state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '4d3c19ea3c444c05bb877564cf116f47'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'until_reminder'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '4d4f4d3bfb4d4ae2a6ddb1fd5b33e828'
                        key: {
                            field: 'expires_at'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4d7f04604d774be790be12b9bfd8e538'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'ticket_number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '4dc91cbb58994cda9a16aab92316ccc5'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'group_name'
                        }
                    },
                    {
                        table: 'sc_cat_item_catalog'
                        id: '4dcbcdfb184a401c9b248b98895d10c7'
                        key: {
                            sc_cat_item: '632bff460bbb4b3e8085fb744391c0f0'
                            sc_catalog: 'e0d08b13c3330100c8b837659bba8fb4'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '4dfa113423cc4238a16101fc95d54e2a'
                        key: {
                            model: '9ec164cbfe0746f7801e22aac0cf57a0'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4f25ad0f23e84a49ab0b06edd24a6a1d'
                        key: {
                            name: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'decided_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '4fb7698d835e487a9e8d2b0094024c11'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'until_expiry'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '4fe117c775ae4f3ea3c844dd401e298a'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'group_name'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '508d4d46d0dd43abba94891b9ef6472b'
                        key: {
                            model: 'fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'decided_by'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '50b9bf0423734913b7ea2e4a3212c87a'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'new_policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '50f527c8443d426ab0993c52073aa9a4'
                        key: {
                            name: 'var__m_sys_hub_flow_output_b50055b83f7b4c578affb14b75730ff9'
                            element: 'current'
                            language: 'en'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '5164a161270f473eb8823c485bdc1884'
                        key: {
                            question: {
                                id: 'c5c4f4176d364e43ba7e506312956f46'
                                key: {
                                    cat_item: '96b27126585c45a39a5aabc3f80b63be'
                                    variable_set: 'NULL'
                                    name: 'duration_ms'
                                }
                            }
                            value: '1800000'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '52a7cfb0d10f4a57a7bd691d08eec297'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'status_code'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '52ad49826c04499da8441f69944b0c8b'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'cluster_id'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '52d9914a8f6b4dda83d2b3201dd1f5ee'
                        key: {
                            cat_item: '632bff460bbb4b3e8085fb744391c0f0'
                            variable_set: 'NULL'
                            name: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '532eb8ee95c241609c826a626778c150'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'cluster_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '54e1871a87044e4d9027016c8d5117e3'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '54fb28ad264642968495d1bfe65c26c6'
                        key: {
                            field: 'extension_label'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: '55180e05dfdb429f96dfd8632ea4e556'
                        deleted: true
                        key: {
                            model: 'c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'expires_at_requester'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '562f58000575425cae00a1cd9f408324'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '570e4e33a3694373b85ad488d7cb4030'
                        key: {
                            field: 'cluster_id'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '579f85bdc9ac4b7c8f60b1e3efe73c99'
                        key: {
                            field: 'requested_item'
                            table: 'var__m_sys_hub_step_ext_input_59af395d7bb44664b3c7c380c803b24a'
                            id: '59af395d7bb44664b3c7c380c803b24a'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5804e5c5800a43618e4f5e1914388c55'
                        key: {
                            document_key: '28b1cb439afc471c89de2da0f3a0c221'
                            variable: 'b898b560bc2c457e98c99e904fb48933'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '580d17e0cd5648c1b134c4cfaf1a0288'
                        key: {
                            question: {
                                id: '358635c414594a46b177f2fe91f91a9d'
                                key: {
                                    cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                                    variable_set: 'NULL'
                                    name: 'duration_ms'
                                }
                            }
                            value: '1800000'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '581bd240a08f4b7aaa5c431a10015a97'
                        key: {
                            model: 'f51b9d4f798b46e2b2281fbbc6300712'
                            element: 'connection_alias'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '5828e0ce10304528af2ee2baf505a349'
                        key: {
                            field: 'current_policy_id'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '58921ae0dd274b04b04b388678638668'
                        key: {
                            model: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                            element: 'approval_due'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '58c294d829274a8196dcdf7513af1488'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'old_policy_outcome'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '59591c99e4cf45c39fbb5f3d4baf5fc6'
                        key: {
                            question: {
                                id: 'c5c4f4176d364e43ba7e506312956f46'
                                key: {
                                    cat_item: '96b27126585c45a39a5aabc3f80b63be'
                                    variable_set: 'NULL'
                                    name: 'duration_ms'
                                }
                            }
                            value: '3600000'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '596ecb61a0164fac866cf5e86a05707e'
                        key: {
                            name: 'var__m_sys_hub_flow_input_8f080e807a624f2f8445fa5c9fa28293'
                            element: 'manager_approval_due'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '5a24ed91113a4176b231d080811fcf50'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'extension_label'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '5b172eb4fb0a449db723e02561e8a910'
                        deleted: true
                        key: {
                            field: 'expires_at_requester'
                            table: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            id: '32a6a083b06d4ab1a96f86af673b107b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5b43f39956a24381821165be0290800e'
                        key: {
                            name: 'var__m_sys_hub_action_input_5256f964eefc4521bfe111888bfdc411'
                            element: 'check_only'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5b44518ea1c14114a4ae139ba7f81fb6'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'approval_due'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '5b4ad979f220461da325705c1503ab76'
                        key: {
                            model: 'cff21c7fc1114b08a06db901a29f956c'
                            element: 'outcome'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '5cab37fdb6a5474590f5d85bda6505dd'
                        key: {
                            field: 'until_reminder'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '5da787fa8faa4517b1d8d447315b1c1f'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'original_number'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5dcda943b1f54ba980f94654532f9982'
                        key: {
                            name: 'var__m_sys_hub_action_input_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'duration_ms'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5e181f44379349ee96ada84d4a6a58c5'
                        key: {
                            name: 'var__m_sys_hub_action_input_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'work_notes_record'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '5e479a7d78d64c59815c0ca0b79a8fbf'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'cluster_id'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '5e51df08739b418f9a8fc46df1c7614d'
                        key: {
                            field: 'resource_name'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '5ebcdf22ea4047748843f4e7a8bdf97e'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '5edb32c0d5de434aac7e0a35cfbae7a7'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'approvers'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5f300c0c48614b6b9c16895f63d46d86'
                        key: {
                            document_key: '1d446b19bb5c49448b2871ac5006705b'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '5f3ac46caf024a26bcb0a2e10f7c7d19'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'approval_deadline_hours'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5f88c96845004856a472383482bf14ef'
                        key: {
                            name: 'var__m_sys_hub_action_output_51418f59cc7442d8821f69b943672080'
                            element: 'already_expired'
                            language: 'en'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '5fd4df07cc6e4e48808cd604850a0a62'
                        key: {
                            question: {
                                id: '6eaddf43c1cf49bfa9cb731b109ece03'
                                key: {
                                    cat_item: '632bff460bbb4b3e8085fb744391c0f0'
                                    variable_set: 'NULL'
                                    name: 'extension_ms'
                                }
                            }
                            value: '900000'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '60da04f091cf42249a6cfecd1d684c95'
                        key: {
                            name: 'var__m_sys_hub_flow_input_b50055b83f7b4c578affb14b75730ff9'
                            element: 'requested_item'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '610c8e2026944341b6fa7efcab6eb637'
                        key: {
                            field: 'approvers'
                            table: 'var__m_sys_hub_action_output_9ec164cbfe0746f7801e22aac0cf57a0'
                            id: '9ec164cbfe0746f7801e22aac0cf57a0'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '61344fd3f79c45ec95ee4915b6756896'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '633809ff348a413b8f014c6f81d54cd2'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'extension_label'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '63ce9d0e8d104f589f238b672a63e1ec'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6434ddc95b724fdbb5af6f2ba582c455'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'justification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '651d0d460f0d43ed9a2b01713dadc994'
                        key: {
                            name: 'var__m_sys_hub_action_output_9ec164cbfe0746f7801e22aac0cf57a0'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '654991f05feb4e7da4f364b480522cfc'
                        key: {
                            name: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '671ff5ba8a1946d5afc5b3d66a50e4e5'
                        key: {
                            name: 'var__m_sys_hub_action_input_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '672957335eec4cc0ac16b448289a4954'
                        key: {
                            model: 'cff21c7fc1114b08a06db901a29f956c'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '67e8c40eb0414d958ed7e1857f11af61'
                        key: {
                            model: 'd4c065145e094cc6861bc3992620c6a6'
                            element: 'may_exist_until'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6961ea33ddec41648564cbeac99639c7'
                        key: {
                            name: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'comment'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '696cdea9330f40f18c2a22c4e074b395'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'profile_name'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '698201d3b3dc4897b17300b30f394249'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '69b71e734b85496da76151a2b8669002'
                        key: {
                            document_key: '1d446b19bb5c49448b2871ac5006705b'
                            variable: 'df0c4655c28146a69ea89048524d70c7'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6a2fd9419420489d919ef68459b0aee9'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'preapproved'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6a72088f75f44bdb8d3ca174fc8cecd4'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'remind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: '6aa66c23df234631a62bde196720feba'
                        key: {
                            model: 'c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'policy'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '6baf7f1128ed4b1b81f0b64c88491381'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'profile_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6ce35770d9fd4ba6bb91a142d3014402'
                        key: {
                            name: 'var__m_sys_hub_action_output_9ec164cbfe0746f7801e22aac0cf57a0'
                            element: 'approvers'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6d64677e1f0b48a3adf23c4b1153a09f'
                        key: {
                            document_key: '4cec56573bbd4a24bfeeeee46ebe427f'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '6d90445751cb4c30bb8e40bd523abc55'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'topic_name'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '6e1ec7183a3147df9fad33806e0b3238'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'approvers'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '6eaddf43c1cf49bfa9cb731b109ece03'
                        key: {
                            cat_item: '632bff460bbb4b3e8085fb744391c0f0'
                            variable_set: 'NULL'
                            name: 'extension_ms'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '6ef9adb64bf646b1985ee67b6db433d0'
                        key: {
                            field: 'original_item'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '6f584014c7d44b56a1fa73b2034d8a3b'
                        key: {
                            field: 'outcome'
                            table: 'var__m_sys_hub_action_output_d4c065145e094cc6861bc3992620c6a6'
                            id: 'd4c065145e094cc6861bc3992620c6a6'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '6fd8f8b2f73946ab8e94d464f73be515'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'inspect_link'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '7179cdffeeb84cf2bec6f2c7ff36225e'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'original_number'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '71b079fce89546ac9aa5beff141e6e8a'
                        key: {
                            name: 'var__m_sys_hub_action_input_d4c065145e094cc6861bc3992620c6a6'
                            element: 'work_notes_record'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '7205fbc8dcb547af9e3ea9aff047d4f7'
                        key: {
                            field: 'refusal'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '72b7306ed96c4a1489e7e78f29db8c01'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_4b5b67c3a90b40ad8c2d4186704e3000'
                            element: 'expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '7388fc7286264cb1a72eb21130855214'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'profile_name'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '74e8d832e08b42d29eb0744bd89d82aa'
                        key: {
                            field: 'requested_item'
                            table: 'var__m_sys_hub_step_ext_input_cff21c7fc1114b08a06db901a29f956c'
                            id: 'cff21c7fc1114b08a06db901a29f956c'
                        }
                    },
                    {
                        table: 'sys_hub_flow_output'
                        id: '753e7aff5ad84fd784529833cb95441c'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'current_expires_at'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '754ef5d958534e4280f968dd5d2169c2'
                        key: {
                            document_key: 'ead2fa3c5d53437f9ecb335713e4eddd'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '75dfd6ba70ff43bdbeede2e8aa196fd8'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'access_duration'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '77015f8d907d4def898e0e3516930134'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'resource_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '77299c31c44248c28373b4425f18b0e8'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'approvers'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '7768f243db694acd93b6ab3e5ecd9095'
                        key: {
                            field: 'profile_name'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '77ca9ce435464f0b8bd09c4d890fa1c4'
                        key: {
                            field: 'ticket_number'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '783078568e0a460d93fbc734cc6c024d'
                        key: {
                            name: 'var__m_sys_hub_action_input_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'role_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '78482fbc417e4b22b33712ec4c07b423'
                        key: {
                            name: 'var__m_sys_hub_flow_output_b50055b83f7b4c578affb14b75730ff9'
                            element: 'current_expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '79a1c4ee746245f9a83b5c94fc920b38'
                        key: {
                            field: 'approval_due'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '79a2b0a5e7d441aab7628832d5ddb544'
                        key: {
                            model: 'd4c065145e094cc6861bc3992620c6a6'
                            element: 'work_notes_record'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '79c9c58b5f614e90b4d0a648ef16aa51'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'new_policy_id'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '79ebb0c8d80a4279870f2fc439fb6626'
                        key: {
                            model: '9ec164cbfe0746f7801e22aac0cf57a0'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '7a074a2308f944d09482118cfdeb2394'
                        key: {
                            cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                            variable_set: 'NULL'
                            name: 'justification'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '7a242c27d6924938b377612d66ba9e97'
                        key: {
                            model: 'fcc134a35bb249a1a6a8dc86243a348a'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '7a3b0397fc134b7ba8938ccff41c1aa9'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'current_expires_at'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '7a453bbb76f6463a8bebd04cd59cff03'
                        key: {
                            field: 'group_name'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7a8c18b12e3148ac8e38f8dfec95940e'
                        key: {
                            document_key: '1d446b19bb5c49448b2871ac5006705b'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7b3d778794db40f4b82a48a35b03e6f2'
                        key: {
                            document_key: '28b1cb439afc471c89de2da0f3a0c221'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '7c22baef2b9f4798a2a20893f8f6dc13'
                        key: {
                            field: 'minutes_left'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '7cb66c18d59d467586331aefacfed380'
                        key: {
                            field: 'decided_by'
                            table: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            id: 'fcc134a35bb249a1a6a8dc86243a348a'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '7cb919124921495daded38c65a926a9b'
                        key: {
                            model: 'd4c065145e094cc6861bc3992620c6a6'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7db5d938321b45268504d100495f1d64'
                        key: {
                            name: 'var__m_sys_hub_flow_input_8f080e807a624f2f8445fa5c9fa28293'
                            element: 'reason'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '7e158c0d4fcf44c2bfb9fb9d5fde6bb1'
                        key: {
                            field: 'policy'
                            table: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            id: '32a6a083b06d4ab1a96f86af673b107b'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '7f01c5869cc04ac6913216032df4a035'
                        key: {
                            model: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                            element: 'approvers'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '802fb59c85d141c9a52a9ac6f7380531'
                        key: {
                            model: '51418f59cc7442d8821f69b943672080'
                            element: 'policy_id'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '8085a9563812494abc753cdbedff0f6e'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'current_policy_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '81499450fa7849edb1427d567c5fd2e0'
                        key: {
                            name: 'var__m_sys_hub_flow_input_8f080e807a624f2f8445fa5c9fa28293'
                            element: 'approvers'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '818bd02ba6054d96b9c32b3409e3362f'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'group_name'
                        }
                    },
                    {
                        table: 'sys_hub_flow_output'
                        id: '82516a1f5f784e948cabad277ff5682a'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'current_policy_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '828b17e806184135864dccc758a1d432'
                        key: {
                            name: 'var__m_sys_hub_flow_input_b50055b83f7b4c578affb14b75730ff9'
                            element: 'policy_label'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '83ac63315a6c4aa18bb374b76c3fc44d'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'justification'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '83d18925c02c47a397f232499e87f222'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'approval_due'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '860b5d3255c74a5d8ff0011143ed0006'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'profile_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8618ce445266498d9947c1eb54d4178c'
                        key: {
                            name: 'var__m_sys_hub_action_input_fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'requested_item'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '879174901acb479989d88d3b079917ad'
                        key: {
                            model: 'ead2fa3c5d53437f9ecb335713e4eddd'
                            element: 'work_notes_record'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '880b6c316a3c4d8393c5560b45d73c56'
                        key: {
                            field: 'reach'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8870c8050def4e97bd3b57e3681c9d12'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'open'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '88f4629af7e941d08d93a8ebf26aff4b'
                        key: {
                            model: 'd4c065145e094cc6861bc3992620c6a6'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'sc_cat_item_category'
                        id: '897801aa4a944e18bd6306809c3db4fd'
                        key: {
                            sc_cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                            sc_category: '2809952237b1300054b6a3549dbe5dd4'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8a4271b42ef34c24a1f52c9f06c84d74'
                        key: {
                            name: 'var__m_sys_hub_action_input_51418f59cc7442d8821f69b943672080'
                            element: 'work_notes_record'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '8a754567387948caa8322bf79004eb72'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'reach'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '8a7a788cb9104a6d87c596b9a2f1ae5b'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'minutes_left'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '8b412896390d4a8db3a675439b740e50'
                        key: {
                            model: 'fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'rejection_note'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '8c22ba5b9ac044e18b26801212d1bd3f'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '8d6f65834a8b4064ad6f59ed24a8f61e'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'new_expires_at'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '8eba728a184b4e158450968da203ab43'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'preapproved'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '8f84fe5433b04898be3f1831f113f546'
                        key: {
                            question: {
                                id: '358635c414594a46b177f2fe91f91a9d'
                                key: {
                                    cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                                    variable_set: 'NULL'
                                    name: 'duration_ms'
                                }
                            }
                            value: '300000'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8fc1ecfebb304b399f5213beedcc2c90'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'original_item'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: '8fcb56af6faa4ba2a3da22534fac73f9'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'revoke_failed_note'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '9004704e8ef14f52a8a2e32e09c2a00f'
                        key: {
                            field: 'approver_count'
                            table: 'var__m_sys_hub_action_output_9ec164cbfe0746f7801e22aac0cf57a0'
                            id: '9ec164cbfe0746f7801e22aac0cf57a0'
                        }
                    },
                    {
                        table: 'sys_hub_flow_output'
                        id: '9016c32bce694ff3bc92aa6a8b6b0ae2'
                        key: {
                            model: '8f080e807a624f2f8445fa5c9fa28293'
                            element: 'decided_by'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9099ecd132ec4743a7447405a5b2c6ce'
                        key: {
                            document_key: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '912c9671c4434525927e077d123385e1'
                        key: {
                            document_key: 'cff21c7fc1114b08a06db901a29f956c'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '934a4bddfdb14d7787a717cf25a58c5d'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '935c7ac0a8504d2f87b70b1bff3f1ba7'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'role_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '935fb158f7df42ada53bf9c264fb1ec6'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'actions'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '940a49e4f65b4fa585bbc2708422d75e'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_4b5b67c3a90b40ad8c2d4186704e3000'
                            element: 'refusal'
                            language: 'en'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '94e5bd89deca48948b9bb9463186793f'
                        key: {
                            question: {
                                id: '6eaddf43c1cf49bfa9cb731b109ece03'
                                key: {
                                    cat_item: '632bff460bbb4b3e8085fb744391c0f0'
                                    variable_set: 'NULL'
                                    name: 'extension_ms'
                                }
                            }
                            value: '1800000'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '955320b887b741929e0b3e4309c3f50f'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'current'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '958e1074c41f4e4cac03c05963580b68'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'reach'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9698cb2114a34cac98c3704af5a53fc3'
                        deleted: true
                        key: {
                            name: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'expires_at_requester'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '97b39e7338404b8ea99f2f8a194eb1ee'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'remind'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '983a033b2a3848818aef764c1b98a950'
                        key: {
                            field: 'work_notes_record'
                            table: 'var__m_sys_hub_step_ext_input_ead2fa3c5d53437f9ecb335713e4eddd'
                            id: 'ead2fa3c5d53437f9ecb335713e4eddd'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: '986aad98267d4cc081f17b67bfeba54f'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: '98ae0a158eff442b9a254c4a49ba4824'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'policy_id'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: '9ada8f8647484b2bb139e36ab34c3ef0'
                        key: {
                            model: 'ead2fa3c5d53437f9ecb335713e4eddd'
                            element: 'last_attempt'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '9af9d64b7afe459cb80651fa4d80e6d5'
                        key: {
                            field: 'outcome'
                            table: 'var__m_sys_hub_action_output_51418f59cc7442d8821f69b943672080'
                            id: '51418f59cc7442d8821f69b943672080'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9b55d3f4b3944da59b8e25d906050414'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9b7b3f8a465b44bc8d4ad7a5183a4388'
                        key: {
                            name: 'var__m_sys_hub_action_input_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'group_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '9b8eaf6523954579bb93ec5e662e5a2e'
                        key: {
                            field: 'topic_name'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '9bd039a44dbf4988a7812a16f42dd4d6'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'policy_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9c2afd9ed0a3417ba6fd958a66cb0afd'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'policy'
                            language: 'en'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: 'a1eb12b7f3b2490393f0063853c36278'
                        key: {
                            question: {
                                id: '358635c414594a46b177f2fe91f91a9d'
                                key: {
                                    cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                                    variable_set: 'NULL'
                                    name: 'duration_ms'
                                }
                            }
                            value: '60000'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'a2e9adfa2f4645bfbc0777b0c2d39ef8'
                        key: {
                            field: 'role_name'
                            table: 'var__m_sys_hub_step_ext_input_4cec56573bbd4a24bfeeeee46ebe427f'
                            id: '4cec56573bbd4a24bfeeeee46ebe427f'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: 'a36f99614f20458ea0fabd17382bb700'
                        key: {
                            model: '4b5b67c3a90b40ad8c2d4186704e3000'
                            element: 'policy_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a3a64a0ab1a64892b4e4f6438db94dd6'
                        key: {
                            name: 'var__m_sys_hub_action_input_51418f59cc7442d8821f69b943672080'
                            element: 'policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'a4bedc794e684d07a4022d143e62489e'
                        key: {
                            cat_item: '96b27126585c45a39a5aabc3f80b63be'
                            variable_set: 'NULL'
                            name: 'group_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a5079dbb8d5d4e2b889cd4f0fc8bf7b1'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'old_policy_outcome'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'a5f09d56087e4f6fa9d11185b2f3dae9'
                        key: {
                            field: 'approval_due'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'a5fb076099e94ebca3c7435fedf0576e'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'a77696cf38d24bf5aadfd435ab9d40f4'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'group_name'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'a786bcd0f94346e6ae1eab638b5cb344'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'a876a5512b1142f5ad6091953c18de2e'
                        key: {
                            model: '51418f59cc7442d8821f69b943672080'
                            element: 'outcome'
                        }
                    },
                    {
                        table: 'sc_cat_item_category'
                        id: 'a8f02f11a06d4d519223aa846d5d6768'
                        key: {
                            sc_cat_item: '96b27126585c45a39a5aabc3f80b63be'
                            sc_category: '2809952237b1300054b6a3549dbe5dd4'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'a957d2848afa44779fc1a6fc205acb7d'
                        key: {
                            model: 'f51b9d4f798b46e2b2281fbbc6300712'
                            element: 'already_expired'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'a98dd384d5cb4a7493b9e0ede11b7b17'
                        key: {
                            model: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'a99a4c3f78c7414e99547f4b38a3316d'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'minutes_left'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'aa15b59d31e641e7b574670fcac7f6ac'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'approval_deadline_hours'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'aa691a003ef84ad783eb5e47f27bc1cd'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'aa6f1ac3343e47b5a7d093e007d5cbaf'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'original_item'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'ab4303194eda4daf8005b435c80deee9'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'check_only'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ab7702c4851e4218a00884ba51ddce65'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ab8316497b294d37827bf511fc85d7f2'
                        key: {
                            name: 'var__m_sys_hub_flow_output_8f080e807a624f2f8445fa5c9fa28293'
                            element: 'comment'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sc_cat_item_catalog'
                        id: 'abe44464ae7a4166912364e0e2957078'
                        key: {
                            sc_cat_item: '96b27126585c45a39a5aabc3f80b63be'
                            sc_catalog: 'e0d08b13c3330100c8b837659bba8fb4'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'ae43d5e1d60945d7860593915964a2c5'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'role_name'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'ae50a8708b41489dbe9b2b18d59942d1'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'ae582fbecabb4769b3f9191ad3c24c7c'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'ae8398100cae43029fa0ab1308d1b940'
                        key: {
                            model: 'ead2fa3c5d53437f9ecb335713e4eddd'
                            element: 'outcome'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'aed0025a03f84b9089d943a1c618e4a2'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'policy_id'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'aef27105d97147d5a3d7b18578a224f8'
                        key: {
                            field: 'resource_type'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'af8c7962e42b436f92af3ca44bbb7f67'
                        deleted: true
                        key: {
                            name: 'var__m_sys_hub_flow_variable_c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'expires_at_requester'
                            language: 'en'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'afa89a43a1384e2c87431b8fbf38dfe8'
                        key: {
                            cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                            variable_set: 'NULL'
                            name: 'topic_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'afd81bfe9f934911a6aff8ad6592128d'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'current_expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b097fc0fde9b41c6b2a961a1b3ae1fd4'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'b10b2e294ead4373912da3a55ab7c7fb'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'justification'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'b1727e143fd442f7bf8e45a78d767547'
                        key: {
                            field: 'grant_to'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b18084cf908f4c47b6b7e96ac907bcf1'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'profile_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'b2511dd4d9644e13bc0373b8f50b8631'
                        key: {
                            model: 'fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'b3a4a04e08294ff38b5a66bcd4713ec2'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'b5025596538f4443a1597c6398a970d2'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b55d044c1b054f539fd6a70f3f9cf441'
                        key: {
                            name: 'var__m_sys_hub_flow_input_b50055b83f7b4c578affb14b75730ff9'
                            element: 'revoke_failed_note'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b60e1312e86943f3b6b560021316398b'
                        key: {
                            name: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'b6ab3cb3877340a0a0992db70ae7e7f1'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'b6c318b6cc4a4f57b7024e511b9315a7'
                        key: {
                            model: '51418f59cc7442d8821f69b943672080'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b6e2fc8ff4bc4538aa9dba6039e36c14'
                        key: {
                            name: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'access_duration'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b7024fc46df248318ab7b4c0c612ccb3'
                        key: {
                            document_key: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'b7249d1b266d4804b0d90db23ac4e706'
                        key: {
                            model: 'cff21c7fc1114b08a06db901a29f956c'
                            element: 'comment'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b83eea7901e8442bae09809d423a6eb6'
                        key: {
                            name: 'var__m_sys_hub_flow_input_b50055b83f7b4c578affb14b75730ff9'
                            element: 'revoke_failed_email'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'b898b560bc2c457e98c99e904fb48933'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'connection_alias'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b956060f5067490e88c4396691377418'
                        key: {
                            name: 'var__m_sys_hub_flow_output_8f080e807a624f2f8445fa5c9fa28293'
                            element: 'outcome'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b95b6db61fa74e53b129ff7915ffbc84'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'role_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'b988d1c324334f2494b6e67d050b8825'
                        key: {
                            model: 'fcc134a35bb249a1a6a8dc86243a348a'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'ba30d8ffa6de4bb9b576155b56e16ceb'
                        key: {
                            field: 'actions'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'bac24db5b80143eebf27820feb52fa7a'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bc08bcc84f024a038859d17cabb0d7fd'
                        key: {
                            name: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'outcome'
                            language: 'en'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'bc5b43959820440189dd65ce94205c8b'
                        key: {
                            cat_item: '96b27126585c45a39a5aabc3f80b63be'
                            variable_set: 'NULL'
                            name: 'ticket_number'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'bd8caabbb0384a5a9d21497037e8cd38'
                        key: {
                            field: 'new_policy_id'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'bdcf32e1ab1c49d5addc7fc1c665abec'
                        key: {
                            field: 'comment'
                            table: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            id: 'fcc134a35bb249a1a6a8dc86243a348a'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'be806570dcf34e51a1790ad76a6e3b39'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'resource_type'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'bf1d1f74d63143cca80b69fafed6cf59'
                        key: {
                            model: 'f51b9d4f798b46e2b2281fbbc6300712'
                            element: 'outcome'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'bf3245efd17144c692e68def3f99b73e'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'cluster_id'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'c024e1315f5b47e387b48f8d301861e9'
                        key: {
                            model: 'cff21c7fc1114b08a06db901a29f956c'
                            element: 'rejection_note'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'c0f1a02ca0be4cefb75c49709cb10159'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'actions'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'c146bdd88a764e4783013bea6f9d3cdb'
                        key: {
                            field: 'current_policy_id'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'c1bc8172e7a741a09d4f3cc87ae1cb93'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'profile_id'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'c2d839efb194421ca5fac647c8160a3b'
                        key: {
                            field: 'profile_id'
                            table: 'var__m_sys_hub_step_ext_input_4cec56573bbd4a24bfeeeee46ebe427f'
                            id: '4cec56573bbd4a24bfeeeee46ebe427f'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c3c0910209844792bb3354a2f3a0cc70'
                        key: {
                            name: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'rejection_note'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'c401f3ac2ab64958bde83626615d232c'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'topic_name'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'c466d9cd91124b9bb4e514a2bcf60398'
                        key: {
                            model: 'f51b9d4f798b46e2b2281fbbc6300712'
                            element: 'work_notes_record'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'c496af4616034194beec63724546b9a1'
                        key: {
                            model: '9ec164cbfe0746f7801e22aac0cf57a0'
                            element: 'approver_count'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'c56d26a9dd8e460694a40754477a06f8'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'c5709a67121a4431b2fae2062f37cf3c'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'c5722e19c2df4d2db2f6a543f266f6ed'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'grant_to'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'c5c4f4176d364e43ba7e506312956f46'
                        key: {
                            cat_item: '96b27126585c45a39a5aabc3f80b63be'
                            variable_set: 'NULL'
                            name: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c60e5a6dd00b498d879d2eb38d50ce49'
                        key: {
                            name: 'var__m_sys_hub_action_output_d4c065145e094cc6861bc3992620c6a6'
                            element: 'outcome'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'c738f7264e7f43c198e75192af9d3fdf'
                        key: {
                            field: 'approval_due'
                            table: 'var__m_sys_hub_action_output_9ec164cbfe0746f7801e22aac0cf57a0'
                            id: '9ec164cbfe0746f7801e22aac0cf57a0'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'c80ba154ad2c4a378fb78a1a7226c776'
                        key: {
                            field: 'open'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'c890de33104340c8bc62200cbda0201a'
                        key: {
                            model: 'd4c065145e094cc6861bc3992620c6a6'
                            element: 'last_attempt'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: 'c910215147e04f7c80417825225291f2'
                        key: {
                            question: {
                                id: '358635c414594a46b177f2fe91f91a9d'
                                key: {
                                    cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                                    variable_set: 'NULL'
                                    name: 'duration_ms'
                                }
                            }
                            value: '3600000'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'c93e9e08b5bc463d88df77a904c6e4c7'
                        key: {
                            field: 'current'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'cb155fd101114846908fcacdd217cbe6'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'role_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cbf9c4a4f1b14a56800911c6607780d4'
                        key: {
                            name: 'var__m_sys_hub_action_output_d4c065145e094cc6861bc3992620c6a6'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cc152c0fd7c14793a445c6da31d7f2ef'
                        key: {
                            name: 'var__m_sys_hub_action_input_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'cluster_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cd12ae051254424fa51d35e726ae30e4'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'cfeb8e4f064e4b05887a6d48f3b0a545'
                        key: {
                            model: '51418f59cc7442d8821f69b943672080'
                            element: 'already_expired'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'd22cf2d553f74db3ae31f35d84de8f7b'
                        key: {
                            model: 'cff21c7fc1114b08a06db901a29f956c'
                            element: 'decided_by'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'd257253d26804eb3b47f5c0e8bc8d24b'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'role_name'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'd3533dd6d3734e3581a02b72715d3a1d'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'resource_name'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: 'd412a89295c6417faf149414143bcb08'
                        key: {
                            model: '4b5b67c3a90b40ad8c2d4186704e3000'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd519c5f102144cf783b54f693b00322b'
                        key: {
                            name: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'policy'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'd5865539922a486c99c6de804c0113c6'
                        key: {
                            field: 'work_notes_record'
                            table: 'var__m_sys_hub_step_ext_input_4cec56573bbd4a24bfeeeee46ebe427f'
                            id: '4cec56573bbd4a24bfeeeee46ebe427f'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'd6022713b9fb4b32a009c94b6285c218'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'old_policy_outcome'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'd6c7ef0af94b416eadacc96617133fad'
                        key: {
                            field: 'policy_id'
                            table: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            id: '32a6a083b06d4ab1a96f86af673b107b'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'd836d290dc0b4c11978f69458036c6af'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'current_policy_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd85f3309ad8642a0845c9e09b9b92c19'
                        deleted: true
                        key: {
                            name: 'var__m_sys_hub_flow_variable_4b5b67c3a90b40ad8c2d4186704e3000'
                            element: 'approval_state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'd9d8894c11504b058991449d4766d663'
                        key: {
                            field: 'duration_ms'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: 'd9ea476e43e148af96d1d5a29a8869c8'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'revoke_failed_email'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'da08f53b77904ae6a2a17ba166c6f9a6'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'profile_id'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'da7e4979602d48bfad3d2f770dd55e4f'
                        key: {
                            field: 'inspect_link'
                            table: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            id: '32a6a083b06d4ab1a96f86af673b107b'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'dafeecea75af4471a945e877f2774077'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'grant_to'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'db241867bd974ea698233d74978f9091'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'dbe5aa4a243a4186b261612eb4094009'
                        key: {
                            field: 'expires_at'
                            table: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            id: '32a6a083b06d4ab1a96f86af673b107b'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'dc4d9fa40b604847af88c2c8f50cd399'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'open'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'dca1c8bd6f0c4b0488c9769514cb7758'
                        key: {
                            field: 'old_policy_outcome'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'dce1aa2248b6484895d8c892076244cd'
                        key: {
                            name: 'var__m_sys_hub_action_output_9ec164cbfe0746f7801e22aac0cf57a0'
                            element: 'approval_due'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'dd9da39a544a41fbb9ed406542118043'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'policy'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'dddc1de07ba74af88508a667d9ed056f'
                        key: {
                            name: 'var__m_sys_hub_flow_input_b50055b83f7b4c578affb14b75730ff9'
                            element: 'policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'dddfbc4d18bc4960bdbc4cbeff3f2b28'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'remind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'de9782b17bbf49989baa24f547746610'
                        key: {
                            name: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            element: 'topic_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'dea55db1a6b64eae9824ce7426b774f5'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'justification'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'dedcd9a126084e9b918d343d630b67a4'
                        key: {
                            name: 'var__m_sys_hub_action_input_5256f964eefc4521bfe111888bfdc411'
                            element: 'requested_item'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'df0c4655c28146a69ea89048524d70c7'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'extend_item'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e08011bd95a34fe5800acbf507a7ee67'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e1645cf193c040898f17df0fd6fd20ff'
                        key: {
                            name: 'var__m_sys_hub_action_input_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'profile_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'e1bb8bdeb5d94b7db1f953f7e09c67d4'
                        key: {
                            cat_item: '96b27126585c45a39a5aabc3f80b63be'
                            variable_set: 'NULL'
                            name: 'justification'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: 'e1c41722e873479aadf3cd93b2c5e192'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'revoked_note'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: 'e249c56a2ce5445190e4fe56aeec8544'
                        key: {
                            question: {
                                id: '3a17e6b2403b4cbf8863253ec741ea70'
                                key: {
                                    cat_item: '9d0c76d9219042c5bbef723ccdb5d88e'
                                    variable_set: 'NULL'
                                    name: 'role_name'
                                }
                            }
                            value: 'kafka-users'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'e29b52c92b2b480aa56b497bccf85820'
                        key: {
                            field: 'requested_item'
                            table: 'var__m_sys_hub_step_ext_input_c71ffd42f34e424da1cc8fbd8e9ecd69'
                            id: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'e2a19bff0b6a4c938f3c8f5ba2953cfe'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'refusal'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e3ef80fa23c74987bd2063e850e571a3'
                        key: {
                            name: 'var__m_sys_hub_action_output_fcc134a35bb249a1a6a8dc86243a348a'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'e44fdffeda9e4b74b7959737f55a821d'
                        key: {
                            model: 'd4c065145e094cc6861bc3992620c6a6'
                            element: 'outcome'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e47c7dcfa13f4564829bf328632bea48'
                        key: {
                            name: 'var__m_sys_hub_action_input_f724bb15287f4186ad6f3c976864ecef'
                            element: 'requested_item'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'e54a4d9eef394c6887d437c306f63bd9'
                        key: {
                            field: 'preapproved'
                            table: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            id: '5256f964eefc4521bfe111888bfdc411'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'e56aa97a167b4a6fbf429ad0fa5d2c6f'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e5b6249d11b3450180a8a678747c6779'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'until_expiry'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'e73cdbf427084ce2bc660e6e82ba657e'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'current_policy_id'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: 'e948f2ef237d41549a6b533b4e7196fc'
                        key: {
                            model: 'c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'access_duration'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'e994602b312843bc983bf8262db36af1'
                        key: {
                            field: 'cluster_id'
                            table: 'var__m_sys_hub_step_ext_input_4cec56573bbd4a24bfeeeee46ebe427f'
                            id: '4cec56573bbd4a24bfeeeee46ebe427f'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: 'ebaae90a0cb74fcb900d06b588cc0d7d'
                        key: {
                            model: '4b5b67c3a90b40ad8c2d4186704e3000'
                            element: 'refusal'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'ecb141e0d85a4f52bd1e7d6da6523c9e'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'until_reminder'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ecd62fe424ca44b788671932fb816c20'
                        key: {
                            name: 'var__m_sys_hub_action_output_51418f59cc7442d8821f69b943672080'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'ed7bc2098a0946a0a61172905f5493e7'
                        key: {
                            model: 'f51b9d4f798b46e2b2281fbbc6300712'
                            element: 'status_code'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'ed952254b4ca45ba956843d64ee4dcca'
                        key: {
                            field: 'remind'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_hub_flow_variable'
                        id: 'edec9249c9c5435c988ab0307dfebac4'
                        deleted: true
                        key: {
                            model: '4b5b67c3a90b40ad8c2d4186704e3000'
                            element: 'approval_state'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ee0655deabd84e25b051e3cb5186aa62'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'current_policy_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ee62eff0f812454292f8a3c426291340'
                        key: {
                            name: 'var__m_sys_hub_action_output_5256f964eefc4521bfe111888bfdc411'
                            element: 'refusal'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sc_cat_item_category'
                        id: 'ee9a3bb522564215bd915ecb2d48e103'
                        key: {
                            sc_cat_item: '632bff460bbb4b3e8085fb744391c0f0'
                            sc_category: '2809952237b1300054b6a3549dbe5dd4'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'ef19ae639b2b4a8b9ae25c29b6549d5a'
                        key: {
                            model: '28b1cb439afc471c89de2da0f3a0c221'
                            element: 'requested_item'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'ef1c8a4097984952bd817521d5f88d2c'
                        key: {
                            cat_item: '632bff460bbb4b3e8085fb744391c0f0'
                            variable_set: 'NULL'
                            name: 'justification'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'ef339fbc32834eceb551ad27b020c1a8'
                        key: {
                            model: '4cec56573bbd4a24bfeeeee46ebe427f'
                            element: 'connection_alias'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'efbb2c16f16d4609bb16f6735c613be4'
                        key: {
                            name: 'var__m_sys_hub_action_output_32a6a083b06d4ab1a96f86af673b107b'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'f0c16411662c45c8ba9c1e85f105522c'
                        key: {
                            model: '1d446b19bb5c49448b2871ac5006705b'
                            element: 'until_expiry'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f0f225f861e94c86a08cc45a23965bc2'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'actions'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'f0f2cdc71f434f21807e6396aea9d065'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'topic_name'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f12b7c36dfff4f85b587fdc6a4c3936b'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'approval_due'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f14a7e3bde4043e1a5667472ce713821'
                        key: {
                            name: 'var__m_sys_hub_action_input_d4c065145e094cc6861bc3992620c6a6'
                            element: 'last_attempt'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f21e1028895e47ba8d55273b03f4d29a'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'until_reminder'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f24b2b8fb49b41179742af92be52a0e7'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f267b59c6aae4f2c9ccae1e42e3234e0'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'f28921a77c464d2cb118788e6083d35e'
                        key: {
                            field: 'profile_id'
                            table: 'var__m_sys_hub_action_output_f724bb15287f4186ad6f3c976864ecef'
                            id: 'f724bb15287f4186ad6f3c976864ecef'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f34909c4fd414c448755b5c64764598b'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'ticket_number'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f47ae7aaa2784f74886a38b943a34380'
                        key: {
                            name: 'var__m_sys_hub_action_input_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'requested_item'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'f50f8753af5c41cfaccaafe1f87afb12'
                        key: {
                            model: 'c71ffd42f34e424da1cc8fbd8e9ecd69'
                            element: 'approver_count'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f59f4813c98c41f4a62ffb1ebda88272'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'resource_name'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'f5daf4a31e104830af98861c2cac8f81'
                        key: {
                            model: 'ead2fa3c5d53437f9ecb335713e4eddd'
                            element: 'may_exist_until'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'f5fbe5f0ebec4f37bb9bd8187e8f3dce'
                        key: {
                            field: 'until_expiry'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'f7c54b4380054790b79cbda44d6ed338'
                        key: {
                            field: 'policy_id'
                            table: 'var__m_sys_hub_step_ext_input_f51b9d4f798b46e2b2281fbbc6300712'
                            id: 'f51b9d4f798b46e2b2281fbbc6300712'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f7d267cb19e84bb8b7fbb1c04278e2c7'
                        key: {
                            model: '32a6a083b06d4ab1a96f86af673b107b'
                            element: 'policy'
                        }
                    },
                    {
                        table: 'sys_hub_flow_output'
                        id: 'f7e1985a3ee348b8a1abeb02542a9da2'
                        key: {
                            model: 'b50055b83f7b4c578affb14b75730ff9'
                            element: 'current'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f80f6789ae104eae88ff499bbce7b821'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'extend_link'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f821e197bd0d4213934b22b97013598b'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'extension_label'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'f841e260997047e2b06d220556ae0eff'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'ticket_number'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f8a5cd67c9f34656b781cdef1e028c87'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_8f080e807a624f2f8445fa5c9fa28293'
                            element: 'approval_state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f8e856d973924dc1a34e8b1b4708f990'
                        key: {
                            name: 'var__m_sys_hub_flow_variable_c8c4c160f03e4be284f27eb2a6b4c889'
                            element: 'access_duration'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f92ff4572dcc49b79983929f87cebdd3'
                        key: {
                            name: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            element: 'current'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f978d8a4faba4895a5947267e55eefec'
                        key: {
                            name: 'var__m_sys_hub_action_input_9ec164cbfe0746f7801e22aac0cf57a0'
                            element: 'requested_item'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'fa4e317cb6e143deb909fdf860a20f7e'
                        key: {
                            model: 'fcc134a35bb249a1a6a8dc86243a348a'
                            element: 'outcome'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fa54559d82fb457d89437768bb2f0b88'
                        key: {
                            document_key: '4cec56573bbd4a24bfeeeee46ebe427f'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'fbbb63b6e2b940118855e33f49f45e41'
                        key: {
                            field: 'requested_item'
                            table: 'var__m_sys_hub_step_ext_input_28b1cb439afc471c89de2da0f3a0c221'
                            id: '28b1cb439afc471c89de2da0f3a0c221'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fbe600995b7c46a0a9c972bbddb65e04'
                        key: {
                            name: 'var__m_sys_hub_action_input_32a6a083b06d4ab1a96f86af673b107b'
                            element: 'topic_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'fc01e0ecfebc479d81dacdadca4bf246'
                        key: {
                            field: 'extend_link'
                            table: 'var__m_sys_hub_action_output_30930c6a38df4e06b989545a7ba2cd1e'
                            id: '30930c6a38df4e06b989545a7ba2cd1e'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'fc3bbe8b8b56498fb5fa22572a5b05e6'
                        key: {
                            model: 'f724bb15287f4186ad6f3c976864ecef'
                            element: 'profile_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fc4cfc49852d43559a9bfaf32926729f'
                        key: {
                            name: 'var__m_sys_hub_action_output_d4c065145e094cc6861bc3992620c6a6'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: 'fc744a6ba4fa4b38b976239ca1f46921'
                        key: {
                            model: '8f080e807a624f2f8445fa5c9fa28293'
                            element: 'manager_approval_due'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'fd3260912b754fb3b5c24df480fdab1a'
                        key: {
                            model: '59af395d7bb44664b3c7c380c803b24a'
                            element: 'reach'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'fd48fe8bbda94efcab914d29ba003b46'
                        key: {
                            model: '30930c6a38df4e06b989545a7ba2cd1e'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'sys_hub_flow_input'
                        id: 'fd57a1c1ac93464a94ed5718d522e724'
                        key: {
                            model: '8f080e807a624f2f8445fa5c9fa28293'
                            element: 'approvers'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'fdad96743a2c40d3bbf3d410814639a2'
                        key: {
                            model: '5256f964eefc4521bfe111888bfdc411'
                            element: 'refusal'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fe77e61c1f304c1abc387ff21cce8017'
                        key: {
                            name: 'var__m_sys_hub_flow_input_b50055b83f7b4c578affb14b75730ff9'
                            element: 'revoked_note'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'fec8d17c5c38445e827d537375fdcdfb'
                        key: {
                            model: 'f51b9d4f798b46e2b2281fbbc6300712'
                            element: 'policy_id'
                        }
                    },
                ]
            }
        }
    }
}
